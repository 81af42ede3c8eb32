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

/** A representatives' meeting: when and where, its agenda and, afterwards, its minutes. */
@Entity
@Table(name = "delib_meeting")
public class Meeting {

    @Id
    @SequenceGenerator(name = "delib_meeting_seq", sequenceName = "delib_meeting_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_meeting_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 150)
    private String title;

    @Column(name = "held_at", nullable = false)
    private Instant heldAt;

    @Column(nullable = false, length = 100)
    private String place;

    @Column(nullable = false, length = 2000)
    private String agenda;

    @Column(length = 4000)
    private String minutes;

    @Column(name = "created_by", nullable = false, length = 50)
    private String createdBy;

    @Version
    private int version;

    protected Meeting() {
    }

    public Meeting(Long communityId, String title, Instant heldAt, String place, String agenda, String by) {
        this.communityId = communityId;
        this.title = title;
        this.heldAt = heldAt;
        this.place = place;
        this.agenda = agenda;
        this.createdBy = by;
    }

    public void recordMinutes(String text) {
        this.minutes = text;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public String getTitle() { return title; }
    public Instant getHeldAt() { return heldAt; }
    public String getPlace() { return place; }
    public String getAgenda() { return agenda; }
    public String getMinutes() { return minutes; }
}
