package org.wushe.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.wushe.shared.ConflictException;

/**
 * A trainee's place in a session: a resident, or a grid worker's account. Attendance is taken for the
 * session; the assessment (score, pass by the course's mark) needs attendance, and a pass of a
 * resident issues the course's certification.
 */
@Entity
@Table(name = "enrolment")
public class Enrolment {

    @Id
    @SequenceGenerator(name = "enrolment_seq", sequenceName = "enrolment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrolment_seq")
    private Long id;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(name = "course_id", nullable = false)
    private Long courseId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "resident_id")
    private Long residentId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "trainee_name", nullable = false, length = 50)
    private String traineeName;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    @Column(name = "enrolled_by", nullable = false, length = 50)
    private String enrolledBy;

    private Boolean attended;

    @Column(name = "attendance_by", length = 50)
    private String attendanceBy;

    private Boolean passed;

    private Integer score;

    @Column(name = "assessed_at")
    private Instant assessedAt;

    @Column(name = "assessed_by", length = 50)
    private String assessedBy;

    @Column(name = "certification_id")
    private Long certificationId;

    @Version
    private int version;

    protected Enrolment() {
    }

    public Enrolment(TrainingSession session, Long residentId, Long accountId, String traineeName, Instant at,
                     String by) {
        this.sessionId = session.getId();
        this.courseId = session.getCourseId();
        this.communityId = session.getCommunityId();
        this.residentId = residentId;
        this.accountId = accountId;
        this.traineeName = traineeName;
        this.enrolledAt = at;
        this.enrolledBy = by;
    }

    public void markAttendance(boolean present, String by) {
        if (passed != null) {
            throw new ConflictException("training.attendance.assessed", "Already assessed", traineeName);
        }
        this.attended = present;
        this.attendanceBy = by;
    }

    /** Records the assessment; @throws ConflictException when the trainee did not attend, or was assessed. */
    public void assess(Course course, int score, Instant at, String by) {
        if (!Boolean.TRUE.equals(attended)) {
            throw new ConflictException("training.assess.notAttended", "Did not attend", traineeName);
        }
        if (passed != null) {
            throw new ConflictException("training.assess.twice", "Already assessed", traineeName);
        }
        this.score = score;
        this.passed = course.passes(score);
        this.assessedAt = at;
        this.assessedBy = by;
    }

    public void certified(Long certificationId) {
        this.certificationId = certificationId;
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public Long getCourseId() { return courseId; }
    public Long getCommunityId() { return communityId; }
    public Long getResidentId() { return residentId; }
    public Long getAccountId() { return accountId; }
    public String getTraineeName() { return traineeName; }
    public Instant getEnrolledAt() { return enrolledAt; }
    public Boolean getAttended() { return attended; }
    public Boolean getPassed() { return passed; }
    public Integer getScore() { return score; }
    public Instant getAssessedAt() { return assessedAt; }
    public String getAssessedBy() { return assessedBy; }
    public Long getCertificationId() { return certificationId; }
}
