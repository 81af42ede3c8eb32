package org.wushe.docking.domain;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/** A community's Participation Opportunity List for one year; published by the Party organisation. */
@Entity
@Table(name = "opportunity_list")
public class OpportunityList {

    public enum Status { DRAFT, PUBLISHED }

    @Id
    @SequenceGenerator(name = "opportunity_list_seq", sequenceName = "opportunity_list_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "opportunity_list_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "list_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by", length = 50)
    private String publishedBy;

    @Version
    private int version;

    protected OpportunityList() {
    }

    public OpportunityList(Long communityId, int year) {
        this.communityId = communityId;
        this.year = year;
        this.status = Status.DRAFT;
    }

    public void publish(Instant at, String by) {
        status = Status.PUBLISHED;
        publishedAt = at;
        publishedBy = by;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public int getYear() { return year; }
    public Status getStatus() { return status; }
    public Instant getPublishedAt() { return publishedAt; }
    public String getPublishedBy() { return publishedBy; }
}
