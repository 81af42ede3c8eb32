package org.wushe.volunteering.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * Hours a volunteer served on a position, and their verification:
 * PENDING → (supervisor) → VERIFIED, or AWAITING_SECOND when the record is longer than the
 * bureau's threshold → (another approver) → VERIFIED; or REJECTED with a reason. Nobody verifies
 * their own hours or those of their household. A verified record never changes: a correction is a
 * new reversing record (negative minutes) with a reason.
 */
@Entity
@Table(name = "service_hours")
public class ServiceHours {

    /** Where a record stands. */
    public enum Status { PENDING, AWAITING_SECOND, VERIFIED, REJECTED }

    /** The longest record accepted: a day. */
    static final Duration MAX = Duration.ofHours(24);

    @Id
    @SequenceGenerator(name = "service_hours_seq", sequenceName = "service_hours_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_hours_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "position_id", nullable = false)
    private Long positionId;

    @Column(name = "shift_id")
    private Long shiftId;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;

    @Column(nullable = false)
    private int minutes;

    @Column(nullable = false, length = 500)
    private String description;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "first_verifier", length = 50)
    private String firstVerifier;

    @Column(name = "second_verifier", length = 50)
    private String secondVerifier;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "rejection_reason", length = 500)
    private String rejectionReason;

    @Column(name = "reverses_id")
    private Long reversesId;

    @Column(name = "reversal_reason", length = 500)
    private String reversalReason;

    @Version
    private int version;

    protected ServiceHours() {
    }

    /** A new record, PENDING. Refuses an end not after the start, more than a day, or no description. */
    public ServiceHours(VolunteerPosition position, Long shiftId, Long residentId, Instant start, Instant end,
                        String description, String recordedBy, Instant now) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (start == null || end == null || !end.isAfter(start)) {
            errors.add("endedAt", "hours.endBeforeStart");
        } else if (Duration.between(start, end).compareTo(MAX) > 0) {
            errors.add("endedAt", "hours.tooLong");
        } else if (start.isAfter(now)) {
            errors.add("startedAt", "hours.inFuture");
        }
        if (description == null || description.isBlank()) {
            errors.add("description", "hours.description.required");
        } else if (description.trim().length() > 500) {
            errors.add("description", "error.tooLong", 500);
        }
        errors.throwIfAny();
        this.communityId = position.getCommunityId();
        this.positionId = position.getId();
        this.shiftId = shiftId;
        this.residentId = residentId;
        this.startedAt = start;
        this.endedAt = end;
        this.minutes = (int) Duration.between(start, end).toMinutes();
        this.description = description.trim();
        this.recordedBy = recordedBy;
        this.recordedAt = now;
        this.status = Status.PENDING;
    }

    /**
     * Verifies, by the rules above. {@code secondApprovalMinutes}: longer records need a second approver.
     *
     * @throws NotPermittedException {@code hours.verify.own}, {@code .household}, {@code .notSupervisor},
     *                               {@code .sameApprover}
     * @throws ConflictException     {@code hours.notPending} when already verified or rejected
     */
    public void verify(Verifier v, String volunteerHousehold, int secondApprovalMinutes, Instant now) {
        requireOpen();
        checkIndependence(v, volunteerHousehold);
        if (status == Status.PENDING) {
            if (!v.supervisesPosition()) {
                throw new NotPermittedException("hours.verify.notSupervisor", "Only the position's supervisor verifies first");
            }
            firstVerifier = v.username();
            if (minutes > secondApprovalMinutes) {
                status = Status.AWAITING_SECOND;
                return;
            }
        } else {
            if (v.username().equals(firstVerifier)) {
                throw new NotPermittedException("hours.verify.sameApprover", "The second approver must be another person");
            }
            secondVerifier = v.username();
        }
        status = Status.VERIFIED;
        verifiedAt = now;
    }

    /** Rejects with a reason (the supervisor, or the second approver). */
    public void reject(Verifier v, String volunteerHousehold, String reason) {
        requireOpen();
        checkIndependence(v, volunteerHousehold);
        if (status == Status.PENDING && !v.supervisesPosition()) {
            throw new NotPermittedException("hours.verify.notSupervisor", "Only the position's supervisor decides first");
        }
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "hours.reject.reasonRequired");
        }
        status = Status.REJECTED;
        rejectionReason = reason.trim();
    }

    /**
     * The record that reverses this verified one: the same position and volunteer, negative minutes,
     * verified at once by the person correcting (who must be independent of the volunteer too).
     */
    public ServiceHours reversal(Verifier v, String volunteerHousehold, String reason, Instant now) {
        if (status != Status.VERIFIED || minutes < 0) {
            throw new ConflictException("hours.reverse.notVerified", "Only a verified record can be reversed");
        }
        checkIndependence(v, volunteerHousehold);
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "hours.reverse.reasonRequired");
        }
        ServiceHours r = new ServiceHours();
        r.communityId = communityId;
        r.positionId = positionId;
        r.shiftId = shiftId;
        r.residentId = residentId;
        r.startedAt = startedAt;
        r.endedAt = endedAt;
        r.minutes = -minutes;
        r.description = description;
        r.recordedBy = v.username();
        r.recordedAt = now;
        r.status = Status.VERIFIED;
        r.firstVerifier = v.username();
        r.verifiedAt = now;
        r.reversesId = id;
        r.reversalReason = reason.trim();
        return r;
    }

    private void requireOpen() {
        if (status != Status.PENDING && status != Status.AWAITING_SECOND) {
            throw new ConflictException("hours.notPending", "Hours " + id + " are " + status, status.name());
        }
    }

    private void checkIndependence(Verifier v, String volunteerHousehold) {
        if (v.residentId() != null && v.residentId().equals(residentId)) {
            throw new NotPermittedException("hours.verify.own", "Nobody verifies their own hours");
        }
        if (v.householdCode() != null && v.householdCode().equals(volunteerHousehold)) {
            throw new NotPermittedException("hours.verify.household", "Nobody verifies hours of their household");
        }
    }

    public Long getId() {
        return id;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public Long getPositionId() {
        return positionId;
    }

    public Long getShiftId() {
        return shiftId;
    }

    public Long getResidentId() {
        return residentId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public int getMinutes() {
        return minutes;
    }

    public String getDescription() {
        return description;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Status getStatus() {
        return status;
    }

    public String getFirstVerifier() {
        return firstVerifier;
    }

    public String getSecondVerifier() {
        return secondVerifier;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Long getReversesId() {
        return reversesId;
    }

    public String getReversalReason() {
        return reversalReason;
    }
}
