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
import java.time.Instant;
import org.wushe.shared.ConflictException;

/** A Party member's answer to a whistle call (党员报到), then the poster's confirmation of attendance. */
@Entity
@Table(name = "whistle_response")
public class WhistleResponse {

    /** Answered, then confirmed present or marked absent by the poster. */
    public enum Status { ANSWERED, CONFIRMED, ABSENT }

    @Id
    @SequenceGenerator(name = "whistle_response_seq", sequenceName = "whistle_response_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "whistle_response_seq")
    private Long id;

    @Column(name = "call_id", nullable = false)
    private Long callId;

    @Column(name = "party_member_id", nullable = false)
    private Long partyMemberId;

    @Column(name = "responded_at", nullable = false)
    private Instant respondedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "decided_by", length = 50)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private int version;

    protected WhistleResponse() {
    }

    public WhistleResponse(Long callId, Long partyMemberId, Instant now) {
        this.callId = callId;
        this.partyMemberId = partyMemberId;
        this.respondedAt = now;
        this.status = Status.ANSWERED;
    }

    /** The poster confirms whether the member came; decided once. */
    public void decide(boolean present, String by, Instant now) {
        if (status != Status.ANSWERED) {
            throw new ConflictException("whistle.decided", "Response " + id + " is decided already");
        }
        status = present ? Status.CONFIRMED : Status.ABSENT;
        decidedBy = by;
        decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getCallId() {
        return callId;
    }

    public Long getPartyMemberId() {
        return partyMemberId;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
