package org.wushe.docking.domain;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/** A community activity that was held, optionally for an opportunity-list item or a need. */
@Entity
@Table(name = "activity")
public class Activity {

    @Id
    @SequenceGenerator(name = "activity_seq", sequenceName = "activity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(name = "item_id")
    private Long itemId;

    @Column(name = "need_id")
    private Long needId;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private int version;

    protected Activity() {
    }

    public Activity(Long communityId, String title, LocalDate heldOn, Long itemId, Long needId, String recordedBy,
                    Instant recordedAt) {
        this.communityId = communityId;
        this.title = title;
        this.heldOn = heldOn;
        this.itemId = itemId;
        this.needId = needId;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public String getTitle() { return title; }
    public LocalDate getHeldOn() { return heldOn; }
    public Long getItemId() { return itemId; }
    public Long getNeedId() { return needId; }
    public String getRecordedBy() { return recordedBy; }
}
