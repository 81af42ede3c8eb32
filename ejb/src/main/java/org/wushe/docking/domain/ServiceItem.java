package org.wushe.docking.domain;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/** An item of the station's published service list, with its completion status. */
@Entity
@Table(name = "service_item")
public class ServiceItem {

    @Id
    @SequenceGenerator(name = "service_item_seq", sequenceName = "service_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_item_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "service_year", nullable = false)
    private int year;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 1000)
    private String description;

    @Column(name = "need_id")
    private Long needId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ServiceStatus status;

    @Column(name = "completion_note", length = 1000)
    private String completionNote;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private int version;

    protected ServiceItem() {
    }

    public ServiceItem(Long communityId, int year, String title, String description, Long needId) {
        this.communityId = communityId;
        this.year = year;
        this.title = title;
        this.description = description;
        this.needId = needId;
        this.status = ServiceStatus.PLANNED;
    }

    public void setStatus(ServiceStatus status, String note, Instant at) {
        this.status = status;
        this.completionNote = note;
        this.completedAt = status == ServiceStatus.COMPLETED ? at : null;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public int getYear() { return year; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public Long getNeedId() { return needId; }
    public ServiceStatus getStatus() { return status; }
    public String getCompletionNote() { return completionNote; }
    public Instant getCompletedAt() { return completedAt; }
}
