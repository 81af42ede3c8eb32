package org.wushe.web.docking;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.wushe.community.domain.Actor;
import org.wushe.community.domain.ActorType;
import org.wushe.docking.application.OpportunityService;
import org.wushe.docking.application.OpportunityApplications;
import org.wushe.docking.application.ResourceService;
import org.wushe.docking.domain.IssueNature;
import org.wushe.docking.domain.RotationSetting;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The Participation Opportunity List of a community's year as staff keep it: the items with their
 * places, adding items and publishing, the applicants of an item in rotation order with the choice
 * of who takes a place (a reason when out of order), the out-of-turn report and the rotation rule.
 * Residents see the published list and apply for themselves.
 */
@Named
@ViewScoped
public class OpportunitiesBacking extends DockingPage {

    private static final long serialVersionUID = 1L;

    @EJB
    OpportunityService opportunities;

    @EJB
    OpportunityApplications opportunityApplications;

    @EJB
    ResourceService resources;

    private OpportunityService.ListView list;
    private List<OpportunityApplications.OutOfTurn> overrides = List.of();
    private List<Actor> actors = List.of();
    private RotationSetting rotation;

    private Long openItem;
    private String openAffair;
    private List<OpportunityApplications.Applicant> applicants = List.of();
    private String reason;

    private String affair;
    private String nature;
    private List<String> actorTypes = List.of();
    private Integer places;
    private String periodFrom;
    private String periodUntil;
    private String description;

    private Long applyItem;
    private Long applyActor;
    private String applyResident;

    private Integer window;
    private Integer threshold;

    @Override
    protected void refresh() {
        Actions.run("items", () -> {
            list = opportunities.list(community, year);
            rotation = opportunityApplications.rotation(community);
            if (window == null) {
                window = rotation.getWindowSize();
                threshold = rotation.getThreshold();
            }
            if (has(Right.VIEW_DOCKING)) {
                overrides = opportunityApplications.overrides(community, year);
                actors = resources.providers(community);
                if (openItem != null) {
                    applicants = opportunityApplications.applicants(openItem);
                }
            }
        });
    }

    /** Shows the applicants of an item in rotation order. */
    public void open(OpportunityService.ItemView item) {
        openItem = item.id();
        openAffair = item.affair();
        reason = null;
        refresh();
    }

    public void addItem() {
        Actions.run("item", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate from = FormInputs.optionalDate("periodFrom", periodFrom, errors);
            LocalDate until = FormInputs.optionalDate("periodUntil", periodUntil, errors);
            errors.throwIfAny();
            opportunities.addItem(community, year, new OpportunityService.ItemForm(affair, nature,
                    new LinkedHashSet<>(actorTypes == null ? List.of() : actorTypes), places, from, until, description));
            FacesErrors.info("docking.opportunity.added", affair);
            affair = null;
            description = null;
            refresh();
        });
    }

    public void publish() {
        Actions.run("items", () -> {
            opportunities.publish(community, year);
            FacesErrors.info("docking.opportunity.published", year);
            refresh();
        });
    }

    /** A resident applies for themself. */
    public void applySelf(Long itemId) {
        Actions.run("items", () -> {
            opportunityApplications.apply(itemId, null, null);
            FacesErrors.info("docking.opportunity.applied.done");
            refresh();
        });
    }

    /** Staff apply on behalf of an organisation of the community or of a resident. */
    public void applyOnBehalf() {
        Actions.run("apply", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long resident = FormInputs.optionalLong("residentId", applyResident, errors);
            if (applyItem == null) {
                errors.add("itemId", "error.required");
            }
            errors.throwIfAny();
            opportunityApplications.apply(applyItem, resident, applyActor);
            FacesErrors.info("docking.opportunity.applied.done");
            applyResident = null;
            refresh();
        });
    }

    /** Chooses an applicant; out of rotation order the reason typed above the table is required. */
    public void select(Long applicationId) {
        Actions.run("applicants", () -> {
            opportunityApplications.select(applicationId, reason);
            FacesErrors.info("docking.opportunity.selected.done");
            reason = null;
            refresh();
        });
    }

    public void saveRotation() {
        Actions.run("rotation", () -> {
            rotation = opportunityApplications.setRotation(community, window, threshold);
            FacesErrors.info("docking.saved");
            refresh();
        });
    }

    public boolean isPublished() {
        return list != null && "PUBLISHED".equals(list.status());
    }

    public List<String> getNatures() {
        return Arrays.stream(IssueNature.values()).map(Enum::name).toList();
    }

    public List<String> getAllActorTypes() {
        return Arrays.stream(ActorType.values()).map(Enum::name).toList();
    }

    public OpportunityService.ListView getList() { return list; }
    public List<OpportunityApplications.OutOfTurn> getOverrides() { return overrides; }
    public List<Actor> getActors() { return actors; }
    public RotationSetting getRotation() { return rotation; }
    public Long getOpenItem() { return openItem; }
    public String getOpenAffair() { return openAffair; }
    public List<OpportunityApplications.Applicant> getApplicants() { return applicants; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getAffair() { return affair; }
    public void setAffair(String v) { affair = v; }
    public String getNature() { return nature; }
    public void setNature(String v) { nature = v; }
    public List<String> getActorTypes() { return actorTypes; }
    public void setActorTypes(List<String> v) { actorTypes = v; }
    public Integer getPlaces() { return places; }
    public void setPlaces(Integer v) { places = v; }
    public String getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(String v) { periodFrom = v; }
    public String getPeriodUntil() { return periodUntil; }
    public void setPeriodUntil(String v) { periodUntil = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public Long getApplyItem() { return applyItem; }
    public void setApplyItem(Long v) { applyItem = v; }
    public Long getApplyActor() { return applyActor; }
    public void setApplyActor(Long v) { applyActor = v; }
    public String getApplyResident() { return applyResident; }
    public void setApplyResident(String v) { applyResident = v; }
    public Integer getWindow() { return window; }
    public void setWindow(Integer v) { window = v; }
    public Integer getThreshold() { return threshold; }
    public void setThreshold(Integer v) { threshold = v; }
}
