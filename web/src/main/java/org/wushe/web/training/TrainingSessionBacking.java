package org.wushe.web.training;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wushe.shared.ValidationException;
import org.wushe.shared.WusheException;
import org.wushe.training.application.CourseService;
import org.wushe.training.application.EnrolmentService;
import org.wushe.training.application.TrainingResultService;
import org.wushe.training.application.TrainingViews;
import org.wushe.training.domain.Enrolment;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.Messages;
import org.wushe.web.support.FormInputs;
import org.wushe.web.support.CommunityPage;

/**
 * One session's trainees ({@code ?id=}): staff enrol a resident or a grid worker, take attendance
 * for everyone at once once the session has started, record each trainee's score (a pass at the
 * course's mark gives a resident the course's certificate) and link a passed training to its first
 * practice.
 */
@Named
@ViewScoped
public class TrainingSessionBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    @EJB
    CourseService courseService;

    @EJB
    EnrolmentService enrolments;

    @EJB
    TrainingResultService results;

    /** One trainee as the table edits it: present or not, and the score typed. */
    public static class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private final TrainingViews.TraineeView trainee;
        private boolean present;
        private String score;

        Line(TrainingViews.TraineeView t) {
            this.trainee = t;
            this.present = Boolean.TRUE.equals(t.attended());
            this.score = t.score() == null ? null : String.valueOf(t.score());
        }

        public TrainingViews.TraineeView getTrainee() { return trainee; }
        public boolean isPresent() { return present; }
        public void setPresent(boolean v) { present = v; }
        public String getScore() { return score; }
        public void setScore(String v) { score = v; }

        /** Assessed already: attendance and score no longer change. */
        public boolean isAssessed() {
            return trainee.passed() != null;
        }

        /** A passed resident, whose training can be linked to its first practice. */
        public boolean isPracticeLinkable() {
            return Boolean.TRUE.equals(trainee.passed()) && "RESIDENT".equals(trainee.kind());
        }
    }

    private Long id;
    private TrainingViews.CourseView course;
    private TrainingViews.SessionView session;
    private List<Line> lines = List.of();

    private String residentId;
    private String gridWorker;

    /** Loads the session named by the {@code id} view parameter. */
    @Override
    public void load() {
        if (community != null && !community.isBlank()) {
            community = community.strip().toUpperCase();
        }
        if (id != null) {
            refresh();
        }
    }

    @Override
    protected void refresh() {
        Actions.run("trainees", () -> {
            lines = new ArrayList<>(results.trainees(id).stream().map(Line::new).toList());
            course = courseService.sessionDetail(id);
            session = course.sessions().get(0);
        });
    }

    /** Staff enrol a resident (by number) or a grid worker (by account). */
    public void enrolTrainee() {
        Actions.run("enrol", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long resident = FormInputs.optionalLong("residentId", residentId, errors);
            errors.throwIfAny();
            Enrolment e = enrolments.enrol(id, resident, gridWorker);
            FacesErrors.info("training.done.traineeEnrolled", e.getTraineeName());
            residentId = null;
            gridWorker = null;
            refresh();
        });
    }

    /** Saves the attendance of every trainee not yet assessed, together. */
    public void saveAttendance() {
        Actions.run("trainees", () -> {
            Map<Long, Boolean> present = new LinkedHashMap<>();
            lines.stream().filter(l -> !l.isAssessed())
                    .forEach(l -> present.put(l.trainee.enrolmentId(), l.present));
            results.attendance(id, present);
            FacesErrors.info("training.done.attendance");
            refresh();
        });
    }

    /** Records one trainee's score; a field refusal shows next to that trainee's score. */
    public void assess(Line line, int row) {
        try {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer score = FormInputs.optionalInteger("score", line.score, errors);
            if (score == null && !errors.has("score")) {
                errors.add("score", "error.required");
            }
            errors.throwIfAny();
            Enrolment e = results.assess(line.trainee.enrolmentId(), score);
            FacesErrors.info(Boolean.TRUE.equals(e.getPassed())
                    ? (e.getCertificationId() != null ? "training.done.certified" : "training.done.passed")
                    : "training.done.failed", e.getTraineeName(), e.getScore());
            refresh();
        } catch (ValidationException e) {
            rowErrors(e, row);
        } catch (WusheException e) {
            FacesErrors.show(e, "trainees");
        }
    }

    public void linkPractice(Line line) {
        Actions.run("trainees", () -> {
            results.linkPractice(line.trainee.enrolmentId());
            FacesErrors.info("training.done.practice", line.trainee.name());
        });
    }

    /** Field errors of one row go next to that row's input ({@code trainees:table:<row>:<field>}). */
    private static void rowErrors(ValidationException e, int row) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        for (ValidationException.FieldError err : e.errors()) {
            String text = Messages.text(ctx.getViewRoot().getLocale(), err.key(), err.args());
            ctx.addMessage("trainees:table:" + row + ":" + err.field(),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        ctx.validationFailed();
    }

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public TrainingViews.CourseView getCourse() { return course; }
    public TrainingViews.SessionView getSession() { return session; }
    public List<Line> getLines() { return lines; }
    public String getResidentId() { return residentId; }
    public void setResidentId(String v) { residentId = v; }
    public String getGridWorker() { return gridWorker; }
    public void setGridWorker(String v) { gridWorker = v; }
}
