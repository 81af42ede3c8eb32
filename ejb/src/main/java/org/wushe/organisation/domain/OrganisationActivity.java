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

/**
 * An activity an organisation held: when, what, how many took part and, where residents were asked,
 * their mean satisfaction (1.0 to 5.0, kept in tenths) and how many answered.
 */
@Entity
@Table(name = "org_activity")
public class OrganisationActivity {

    @Id
    @SequenceGenerator(name = "org_activity_seq", sequenceName = "org_activity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_activity_seq")
    private Long id;

    @Column(name = "org_id", nullable = false)
    private Long organisationId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(nullable = false, length = 100)
    private String title;

    @Column(nullable = false)
    private int participants;

    @Column(name = "satisfaction_tenths")
    private Integer satisfactionTenths;

    @Column(nullable = false)
    private int respondents;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Version
    private int version;

    protected OrganisationActivity() {
    }

    public OrganisationActivity(CommunityOrganisation org, LocalDate heldOn, String title, int participants,
                                Integer satisfactionTenths, int respondents, String recordedBy) {
        this.organisationId = org.getId();
        this.communityId = org.getCommunityId();
        this.heldOn = heldOn;
        this.title = title;
        this.participants = participants;
        this.satisfactionTenths = satisfactionTenths;
        this.respondents = satisfactionTenths == null ? 0 : respondents;
        this.recordedBy = recordedBy;
    }

    public Long getId() { return id; }
    public Long getOrganisationId() { return organisationId; }
    public LocalDate getHeldOn() { return heldOn; }
    public String getTitle() { return title; }
    public int getParticipants() { return participants; }
    public Integer getSatisfactionTenths() { return satisfactionTenths; }
    public int getRespondents() { return respondents; }
}
