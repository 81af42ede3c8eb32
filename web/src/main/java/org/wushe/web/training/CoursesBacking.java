package org.wushe.web.training;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.shared.WusheException;
import org.wushe.training.application.CourseService;
import org.wushe.training.application.EnrolmentService;
import org.wushe.training.application.TrainingViews;
import org.wushe.training.domain.TargetGroup;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.TextInputs;
import org.wushe.web.support.FormInputs;
import org.wushe.web.support.CommunityPage;

/**
 * The course catalogue of a community: courses with whom they are for, the capacity level they
 * need, the pass mark and the certificate a pass gives, and their sessions with the places taken.
 * Staff who keep the training station add courses and sessions and open a session's trainees;
 * residents enrol themselves.
 */
@Named
@ViewScoped
public class CoursesBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    private static final List<Integer> LEVELS = List.of(1, 2, 3);

    @EJB
    CourseService courseService;

    @EJB
    EnrolmentService enrolments;

    private List<TrainingViews.CourseView> courses = List.of();
    /** The sessions the signed-in resident is enrolled in, to show "enrolled" instead of the button. */
    private Set<Long> mine = Set.of();
    private Integer myLevel;

    private String title;
    private String syllabus;
    private String targetGroup = TargetGroup.RESIDENT.name();
    private Integer requiredLevel = 1;
    private String passMark;
    private String certificationCode;
    private String certificationName;
    private String validityMonths;
    private String practiceKind;

    private Long courseId;
    private String startsAt;
    private String endsAt;
    private String place;
    private String trainer;
    private String places;

    @Override
    protected void refresh() {
        Actions.run("catalogue", () -> {
            courses = courseService.catalogue(community);
            if (isResident() && me.residentId() != null) {
                myLevel = enrolments.capacityLevel(me.residentId());
                mine = enrolled(enrolments.myTrainings());
            }
        });
    }

    /** The sessions a resident's trainings are in. */
    private static Set<Long> enrolled(List<TrainingViews.MyTraining> trainings) {
        Set<Long> ids = new HashSet<>();
        trainings.forEach(t -> ids.add(t.sessionId()));
        return ids;
    }

    public void createCourse() {
        Actions.run("course", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer mark = FormInputs.optionalInteger("passMark", passMark, errors);
            Integer months = FormInputs.optionalInteger("validityMonths", validityMonths, errors);
            errors.throwIfAny();
            courseService.createCourse(community, new TrainingViews.CourseForm(title, syllabus, targetGroup,
                    requiredLevel, mark, certificationCode, certificationName, months, practiceKind));
            FacesErrors.info("training.done.courseCreated", title);
            title = null;
            syllabus = null;
            passMark = null;
            certificationCode = null;
            certificationName = null;
            validityMonths = null;
            practiceKind = null;
            refresh();
        });
    }

    public void addSession() {
        Actions.run("session", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            if (courseId == null) {
                errors.add("courseId", "error.required");
            }
            Instant from = TextInputs.time("startsAt", startsAt, errors);
            Instant until = TextInputs.time("endsAt", endsAt, errors);
            Integer n = FormInputs.optionalInteger("places", places, errors);
            errors.throwIfAny();
            courseService.addSession(courseId, from, until, place, trainer, n);
            FacesErrors.info("training.done.sessionAdded");
            startsAt = null;
            endsAt = null;
            refresh();
        });
    }

    /** A resident enrols themself in a session. */
    public void enrol(TrainingViews.CourseView course, TrainingViews.SessionView session) {
        Actions.run("catalogue", () -> {
            enrolments.enrol(session.id(), null, null);
            FacesErrors.info("training.done.enrolled", course.title());
            refresh();
        });
    }

    public boolean isManaging() {
        return has(Right.MANAGE_TRAINING);
    }

    public boolean isMine(Long sessionId) {
        return mine.contains(sessionId);
    }

    public List<String> getTargetGroups() {
        return Arrays.stream(TargetGroup.values()).map(Enum::name).toList();
    }

    public List<Integer> getLevels() {
        return LEVELS;
    }

    public List<TrainingViews.CourseView> getCourses() { return courses; }
    public Integer getMyLevel() { return myLevel; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getSyllabus() { return syllabus; }
    public void setSyllabus(String v) { syllabus = v; }
    public String getTargetGroup() { return targetGroup; }
    public void setTargetGroup(String v) { targetGroup = v; }
    public Integer getRequiredLevel() { return requiredLevel; }
    public void setRequiredLevel(Integer v) { requiredLevel = v; }
    public String getPassMark() { return passMark; }
    public void setPassMark(String v) { passMark = v; }
    public String getCertificationCode() { return certificationCode; }
    public void setCertificationCode(String v) { certificationCode = v; }
    public String getCertificationName() { return certificationName; }
    public void setCertificationName(String v) { certificationName = v; }
    public String getValidityMonths() { return validityMonths; }
    public void setValidityMonths(String v) { validityMonths = v; }
    public String getPracticeKind() { return practiceKind; }
    public void setPracticeKind(String v) { practiceKind = v; }
    public Long getCourseId() { return courseId; }
    public void setCourseId(Long v) { courseId = v; }
    public String getStartsAt() { return startsAt; }
    public void setStartsAt(String v) { startsAt = v; }
    public String getEndsAt() { return endsAt; }
    public void setEndsAt(String v) { endsAt = v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { place = v; }
    public String getTrainer() { return trainer; }
    public void setTrainer(String v) { trainer = v; }
    public String getPlaces() { return places; }
    public void setPlaces(String v) { places = v; }
}
