package org.wushe.web.volunteering;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.wushe.shared.ValidationException;
import org.wushe.volunteering.application.HoursService;
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * The supervisor's verification queue: one week's records (or, with {@code all=true}, every record
 * waiting for me), verified one by one or all at once.
 */
@Named
@ViewScoped
public class VerificationQueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    HoursService hours;

    private String week = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
    private List<ServiceHours> queue = List.of();
    private List<ServiceHours> selected = new ArrayList<>();
    private String reason;

    /** Every record waiting for me, of any week (the home page's link), instead of one week's. */
    private boolean all;

    /** The search button: one week's records. */
    public void search() {
        all = false;
        load();
    }

    public void load() {
        Actions.run("queue", () -> {
            if (all) {
                queue = hours.waiting();
                selected = new ArrayList<>();
                return;
            }
            LocalDate monday;
            try {
                monday = LocalDate.parse(week.trim());
            } catch (DateTimeParseException e) {
                throw ValidationException.of("week", "error.dateFormat");
            }
            queue = hours.queue(monday);
            selected = new ArrayList<>();
        });
    }

    public void verify(Long id) {
        Actions.run("queue", () -> {
            ServiceHours h = hours.verify(id);
            FacesErrors.info("hours.status." + h.getStatus().name());
        });
        load();
    }

    public void reject(Long id) {
        Actions.run("queue", () -> {
            hours.reject(id, reason);
            reason = null;
            FacesErrors.info("hours.status.REJECTED");
        });
        load();
    }

    /** Verifies the selected records; says how many were verified and why the others were refused. */
    public void verifySelected() {
        List<Long> ids = selected.stream().map(ServiceHours::getId).toList();
        if (ids.isEmpty()) {
            FacesErrors.show(ValidationException.of("table", "hours.ids.required"), "queue");
            return;
        }
        List<HoursService.Outcome> outcomes = hours.verifyAll(ids);
        long done = outcomes.stream().filter(o -> o.status() != null).count();
        FacesErrors.info("hours.bulk.done", done, outcomes.size());
        outcomes.stream().filter(o -> o.refusalKey() != null)
                .forEach(o -> FacesErrors.info("hours.bulk.refused", o.hoursId(),
                        org.wushe.web.support.Messages.text(
                                jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                                o.refusalKey())));
        load();
    }

    public List<ServiceHours> getQueue() {
        return queue;
    }

    public List<ServiceHours> getSelected() {
        return selected;
    }

    public void setSelected(List<ServiceHours> selected) {
        this.selected = selected == null ? new ArrayList<>() : selected;
    }

    public boolean isAll() {
        return all;
    }

    public void setAll(boolean all) {
        this.all = all;
    }

    public String getWeek() {
        return week;
    }

    public void setWeek(String week) {
        this.week = week;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
