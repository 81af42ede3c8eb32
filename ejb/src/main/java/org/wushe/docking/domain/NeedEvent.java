package org.wushe.docking.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a need's loop: who moved it, from which status to which, and a note. Never changed. */
@Entity
@Table(name = "need_event")
public class NeedEvent {

    @Id
    @SequenceGenerator(name = "need_event_seq", sequenceName = "need_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "need_event_seq")
    private Long id;

    @Column(name = "need_id", nullable = false)
    private Long needId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 50)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    private NeedStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    private NeedStatus toStatus;

    @Column(length = 1000)
    private String note;

    protected NeedEvent() {
    }

    public NeedEvent(Long needId, Instant occurredAt, String actor, NeedStatus fromStatus, NeedStatus toStatus,
                     String note) {
        this.needId = needId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.note = note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note;
    }

    public Long getId() { return id; }
    public Long getNeedId() { return needId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public NeedStatus getFromStatus() { return fromStatus; }
    public NeedStatus getToStatus() { return toStatus; }
    public String getNote() { return note; }
}
