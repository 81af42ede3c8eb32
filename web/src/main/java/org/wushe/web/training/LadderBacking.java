package org.wushe.web.training;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.shared.WusheException;
import org.wushe.training.application.EnrolmentService;
import org.wushe.training.application.LadderService;
import org.wushe.training.domain.Rung;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.Messages;
import org.wushe.web.support.FormInputs;
import org.wushe.web.support.CommunityPage;

/**
 * A community's participation ladder: how many residents stood on each rung month by month (a
 * table and a stacked bar chart), the residents who moved up in the latest snapshot with their
 * evidence, this month's snapshot on request, and residents' capacity levels.
 */
@Named
@ViewScoped
public class LadderBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    private static final List<Integer> LEVELS = List.of(1, 2, 3);

    @EJB
    LadderService ladders;

    @EJB
    EnrolmentService enrolments;

    private LadderService.LadderView ladder;

    private String residentId;
    private Integer level;
    private String reason;

    @Override
    protected void refresh() {
        Actions.run("ladder", () -> {
            ladder = ladders.ladder(community);
        });
    }

    /** Takes this month's snapshot now (the nightly assessment takes it too). */
    public void snapshot() {
        Actions.run("ladder", () -> {
            LocalDate month = LocalDate.now(ZoneId.systemDefault()).withDayOfMonth(1);
            int above = ladders.snapshot(community, month);
            FacesErrors.info("training.done.snapshot", month.toString().substring(0, 7), above);
            refresh();
        });
    }

    public void setCapacity() {
        Actions.run("capacity", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long resident = FormInputs.optionalLong("residentId", residentId, errors);
            if (resident == null && !errors.has("residentId")) {
                errors.add("residentId", "error.required");
            }
            errors.throwIfAny();
            enrolments.setCapacityLevel(resident, level, reason);
            FacesErrors.info("training.done.level", resident, level);
            residentId = null;
            level = null;
            reason = null;
        });
    }

    /** The distribution as a stacked bar chart (Chart.js configuration for {@code p:chart}). */
    public String getChart() {
        if (ladder == null || ladder.months().isEmpty()) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        ladder.months().forEach(d -> labels.add(d.month().toString().substring(0, 7)));
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(dataset(Rung.PASSIVE, "#cfd8dc", LadderService.Distribution::passive))
                                .add(dataset(Rung.COOPERATIVE, "#64b5f6", LadderService.Distribution::cooperative))
                                .add(dataset(Rung.AUTONOMOUS, "#c62828", LadderService.Distribution::autonomous))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", true))
                                .add("y", Json.createObjectBuilder().add("stacked", true))))
                .build().toString();
    }

    private jakarta.json.JsonObjectBuilder dataset(Rung rung, String colour,
                                                   ToLongFunction<LadderService.Distribution> count) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        ladder.months().forEach(d -> data.add(count.applyAsLong(d)));
        return Json.createObjectBuilder().add("label", Messages.text(locale(), "training.rung." + rung.name()))
                .add("backgroundColor", colour).add("data", data);
    }

    private static Locale locale() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx == null || ctx.getViewRoot() == null ? Messages.DEFAULT : ctx.getViewRoot().getLocale();
    }

    public boolean isManaging() {
        return has(Right.MANAGE_TRAINING);
    }

    public List<Integer> getLevels() {
        return LEVELS;
    }

    public LadderService.LadderView getLadder() { return ladder; }
    public String getResidentId() { return residentId; }
    public void setResidentId(String v) { residentId = v; }
    public Integer getLevel() { return level; }
    public void setLevel(Integer v) { level = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
