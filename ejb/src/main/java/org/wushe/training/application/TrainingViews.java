package org.wushe.training.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the training services take in and hand out: course forms, catalogue views, trainees, a resident's trainings. */
public final class TrainingViews {

    private TrainingViews() {
    }

    /** A course as typed in; checked by {@link CourseService#createCourse}. */
    public record CourseForm(String title, String syllabus, String targetGroup, Integer requiredLevel, Integer passMark,
                             String certificationCode, String certificationName, Integer validityMonths,
                             String practiceKind) {
    }

    /** A session in the catalogue with how many places are taken. */
    public record SessionView(Long id, Long courseId, Instant startsAt, Instant endsAt, String place, String trainer,
                              int places, long taken) {
    }

    /** A course in the catalogue with its sessions to come. */
    public record CourseView(Long id, String title, String syllabus, String targetGroup, int requiredLevel,
                             int passMark, String certificationCode, String certificationName, int validityMonths,
                             String practiceKind, List<SessionView> sessions) {
    }

    /** One trainee of a session, for attendance and assessment. */
    public record TraineeView(Long enrolmentId, String name, String kind, Boolean attended, Boolean passed,
                              Integer score) {
    }

    /** One of the signed-in resident's trainings, with its certificate when passed. */
    public record MyTraining(Long enrolmentId, Long sessionId, String courseTitle, Instant startsAt, String place,
                             Boolean attended,
                             Boolean passed, Integer score, String certificationCode, LocalDate certificateExpiresOn,
                             boolean certificateValid, boolean practised) {
    }
}
