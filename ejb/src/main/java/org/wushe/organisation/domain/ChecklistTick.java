package org.wushe.organisation.domain;

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

/** A checklist item done for an organisation: on which day and by whom. */
@Entity
@Table(name = "org_checklist_tick")
public class ChecklistTick {

    @Id
    @SequenceGenerator(name = "org_checklist_tick_seq", sequenceName = "org_checklist_tick_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_checklist_tick_seq")
    private Long id;

    @Column(name = "org_id", nullable = false)
    private Long organisationId;

    @Column(name = "item_id", nullable = false)
    private Long itemId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "ticked_on", nullable = false)
    private LocalDate tickedOn;

    @Column(name = "ticked_by", nullable = false, length = 50)
    private String tickedBy;

    @Version
    private int version;

    protected ChecklistTick() {
    }

    public ChecklistTick(CommunityOrganisation org, Long itemId, LocalDate tickedOn, String tickedBy) {
        this.organisationId = org.getId();
        this.communityId = org.getCommunityId();
        this.itemId = itemId;
        this.tickedOn = tickedOn;
        this.tickedBy = tickedBy;
    }

    public Long getId() { return id; }
    public Long getOrganisationId() { return organisationId; }
    public Long getItemId() { return itemId; }
    public LocalDate getTickedOn() { return tickedOn; }
    public String getTickedBy() { return tickedBy; }
}
