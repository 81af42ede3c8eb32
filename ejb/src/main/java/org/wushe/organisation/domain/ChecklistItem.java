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

/** One support step of a tier's checklist, kept by the bureau for the city. */
@Entity
@Table(name = "org_checklist_item")
public class ChecklistItem {

    @Id
    @SequenceGenerator(name = "org_checklist_item_seq", sequenceName = "org_checklist_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_checklist_item_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MaturityTier tier;

    @Enumerated(EnumType.STRING)
    @Column(name = "support_kind", nullable = false, length = 20)
    private SupportKind kind;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private short active;

    @Version
    private int version;

    protected ChecklistItem() {
    }

    public ChecklistItem(MaturityTier tier, SupportKind kind, String title, int sortOrder) {
        this.tier = tier;
        this.kind = kind;
        this.title = title;
        this.sortOrder = sortOrder;
        this.active = 1;
    }

    /** Takes the item off the checklist; ticks already given stay in the record. */
    public void retire() {
        this.active = 0;
    }

    public Long getId() { return id; }
    public MaturityTier getTier() { return tier; }
    public SupportKind getKind() { return kind; }
    public String getTitle() { return title; }
    public int getSortOrder() { return sortOrder; }
    public boolean isActive() { return active == 1; }
}
