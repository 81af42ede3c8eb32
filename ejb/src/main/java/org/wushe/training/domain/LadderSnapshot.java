package org.wushe.training.domain;

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
import java.time.LocalDate;

/** Where one resident stood on the ladder in a month, with the evidence; residents on the bottom rung are not stored. */
@Entity
@Table(name = "ladder_snapshot")
public class LadderSnapshot {

    @Id
    @SequenceGenerator(name = "ladder_snapshot_seq", sequenceName = "ladder_snapshot_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ladder_snapshot_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "period_month", nullable = false)
    private LocalDate month;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Rung rung;

    @Column(nullable = false)
    private int participations;

    @Column(nullable = false)
    private int proposals;

    @Column(nullable = false)
    private int led;

    @Column(name = "computed_at", nullable = false)
    private Instant computedAt;

    protected LadderSnapshot() {
    }

    public LadderSnapshot(Long communityId, LocalDate month, Long residentId, Rung rung, Ladder.Evidence e,
                          Instant computedAt) {
        this.communityId = communityId;
        this.month = month;
        this.residentId = residentId;
        this.rung = rung;
        this.participations = e.participations();
        this.proposals = e.proposals();
        this.led = e.led();
        this.computedAt = computedAt;
    }

    public Long getResidentId() { return residentId; }
    public LocalDate getMonth() { return month; }
    public Rung getRung() { return rung; }
    public int getParticipations() { return participations; }
    public int getProposals() { return proposals; }
    public int getLed() { return led; }
}
