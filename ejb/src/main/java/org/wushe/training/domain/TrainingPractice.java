package org.wushe.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * "Completed and practised once": the link from a passed training to the first verified volunteer
 * service of the matching kind after it. One per enrolment; it is the source of the training points.
 */
@Entity
@Table(name = "training_practice")
public class TrainingPractice {

    @Id
    @SequenceGenerator(name = "training_practice_seq", sequenceName = "training_practice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "training_practice_seq")
    private Long id;

    @Column(name = "enrolment_id", nullable = false)
    private Long enrolmentId;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "practice_kind", nullable = false, length = 40)
    private String practiceKind;

    @Column(name = "service_hours_id", nullable = false)
    private Long serviceHoursId;

    @Column(name = "practised_at", nullable = false)
    private Instant practisedAt;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "linked_by", nullable = false, length = 50)
    private String linkedBy;

    protected TrainingPractice() {
    }

    public TrainingPractice(Enrolment e, String practiceKind, Long serviceHoursId, Instant practisedAt, Instant linkedAt,
                            String linkedBy) {
        this.enrolmentId = e.getId();
        this.residentId = e.getResidentId();
        this.communityId = e.getCommunityId();
        this.practiceKind = practiceKind;
        this.serviceHoursId = serviceHoursId;
        this.practisedAt = practisedAt;
        this.linkedAt = linkedAt;
        this.linkedBy = linkedBy;
    }

    public Long getId() { return id; }
    public Long getEnrolmentId() { return enrolmentId; }
    public Long getResidentId() { return residentId; }
    public Long getCommunityId() { return communityId; }
    public String getPracticeKind() { return practiceKind; }
    public Long getServiceHoursId() { return serviceHoursId; }
    public Instant getPractisedAt() { return practisedAt; }
    public Instant getLinkedAt() { return linkedAt; }
}
