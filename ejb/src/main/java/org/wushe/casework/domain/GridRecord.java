package org.wushe.casework.domain;

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
import org.wushe.community.domain.ResidentTag;

/**
 * Grid work besides the patrol itself: information collected about a resident (with the tag it
 * added or removed), policy publicity (policy and audience) or a simple mediation (parties, issue,
 * outcome). Never changed once recorded.
 */
@Entity
@Table(name = "grid_record")
public class GridRecord {

    @Id
    @SequenceGenerator(name = "grid_record_seq", sequenceName = "grid_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "grid_record_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "grid_cell_id", nullable = false)
    private Long gridCellId;

    @Column(name = "patrol_id")
    private Long patrolId;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_kind", nullable = false, length = 20)
    private GridRecordKind kind;

    @Column(name = "resident_id")
    private Long residentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "tag_added", length = 30)
    private ResidentTag tagAdded;

    @Enumerated(EnumType.STRING)
    @Column(name = "tag_removed", length = 30)
    private ResidentTag tagRemoved;

    @Column(nullable = false, length = 200)
    private String topic;

    @Column(length = 500)
    private String parties;

    @Column(length = 1000)
    private String outcome;

    private Integer audience;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected GridRecord() {
    }

    public GridRecord(Long communityId, Long gridCellId, Long patrolId, GridRecordKind kind, Long residentId,
                      ResidentTag tagAdded, ResidentTag tagRemoved, String topic, String parties, String outcome,
                      Integer audience, String recordedBy, Instant recordedAt) {
        this.communityId = communityId;
        this.gridCellId = gridCellId;
        this.patrolId = patrolId;
        this.kind = kind;
        this.residentId = residentId;
        this.tagAdded = tagAdded;
        this.tagRemoved = tagRemoved;
        this.topic = topic;
        this.parties = parties;
        this.outcome = outcome;
        this.audience = audience;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getGridCellId() { return gridCellId; }
    public Long getPatrolId() { return patrolId; }
    public GridRecordKind getKind() { return kind; }
    public Long getResidentId() { return residentId; }
    public ResidentTag getTagAdded() { return tagAdded; }
    public ResidentTag getTagRemoved() { return tagRemoved; }
    public String getTopic() { return topic; }
    public String getParties() { return parties; }
    public String getOutcome() { return outcome; }
    public Integer getAudience() { return audience; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
