package org.wushe.deliberation.domain;

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
import java.time.Instant;
import java.time.LocalDate;

/**
 * A representative present at a meeting. Each row is one source of deliberation points
 * ({@code SourceType.DELIBERATION_ATTENDANCE} with this id); {@code settled} marks it booked.
 */
@Entity
@Table(name = "delib_attendance")
public class MeetingAttendance {

    @Id
    @SequenceGenerator(name = "delib_attendance_seq", sequenceName = "delib_attendance_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_attendance_seq")
    private Long id;

    @Column(name = "meeting_id", nullable = false)
    private Long meetingId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "representative_id", nullable = false)
    private Long representativeId;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false)
    private boolean settled;

    protected MeetingAttendance() {
    }

    public MeetingAttendance(Meeting m, Representative r, String by, Instant at) {
        this.meetingId = m.getId();
        this.communityId = m.getCommunityId();
        this.representativeId = r.getId();
        this.residentId = r.getResidentId();
        this.recordedBy = by;
        this.recordedAt = at;
    }

    public Long getId() { return id; }
    public Long getMeetingId() { return meetingId; }
    public Long getCommunityId() { return communityId; }
    public Long getRepresentativeId() { return representativeId; }
    public Long getResidentId() { return residentId; }
    public Instant getRecordedAt() { return recordedAt; }
    public boolean isSettled() { return settled; }
}
