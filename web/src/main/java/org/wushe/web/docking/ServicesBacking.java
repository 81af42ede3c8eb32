package org.wushe.web.docking;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.wushe.docking.application.ServiceListService;
import org.wushe.docking.domain.ServiceStatus;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The station's published service list of a year with the completion status of each service and
 * the residents' votes; staff keep the list and its statuses, residents vote once per service.
 */
@Named
@ViewScoped
public class ServicesBacking extends DockingPage {

    private static final long serialVersionUID = 1L;

    private static final List<Integer> ONE_TO_FIVE = List.of(1, 2, 3, 4, 5);

    @EJB
    ServiceListService serviceList;

    private List<ServiceListService.ServiceView> services = List.of();

    private String title;
    private String description;
    private String needId;

    private Long editId;
    private String editTitle;
    private String status;
    private String note;

    private Long serviceId;
    private Integer score;
    private String comment;

    @Override
    protected void refresh() {
        Actions.run("services", () -> {
            services = serviceList.services(community, year);
        });
    }

    public void add() {
        Actions.run("service", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long need = FormInputs.optionalLong("needId", needId, errors);
            errors.throwIfAny();
            serviceList.add(community, year, title, description, need);
            FacesErrors.info("docking.service.added", title);
            title = null;
            description = null;
            needId = null;
            refresh();
        });
    }

    /** A click on a service's row: it goes into the status form. */
    public void edit(ServiceListService.ServiceView s) {
        editId = s.id();
        editTitle = s.title();
        status = s.status();
        note = s.completionNote();
    }

    public void changeStatus() {
        Actions.run("status", () -> {
            serviceList.setStatus(editId, status, note);
            FacesErrors.info("docking.service.statusSaved", editTitle);
            refresh();
        });
    }

    public void vote() {
        Actions.run("vote", () -> {
            if (serviceId == null) {
                throw ValidationException.of("serviceId", "error.required");
            }
            serviceList.vote(serviceId, score, comment);
            FacesErrors.info("docking.service.voted");
            score = null;
            comment = null;
            refresh();
        });
    }

    /** The services a resident can rate: those that have started. */
    public List<ServiceListService.ServiceView> getRateable() {
        return services.stream().filter(s -> !ServiceStatus.PLANNED.name().equals(s.status())).toList();
    }

    public List<String> getStatuses() {
        return Arrays.stream(ServiceStatus.values()).map(Enum::name).toList();
    }

    public List<Integer> getScores() {
        return ONE_TO_FIVE;
    }

    public List<ServiceListService.ServiceView> getServices() { return services; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getNeedId() { return needId; }
    public void setNeedId(String v) { needId = v; }
    public Long getEditId() { return editId; }
    public String getEditTitle() { return editTitle; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
    public Long getServiceId() { return serviceId; }
    public void setServiceId(Long v) { serviceId = v; }
    public Integer getScore() { return score; }
    public void setScore(Integer v) { score = v; }
    public String getComment() { return comment; }
    public void setComment(String v) { comment = v; }
}
