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

/** A plaque or prize an organisation received: title, awarding body and date. */
@Entity
@Table(name = "org_recognition")
public class Recognition {

    @Id
    @SequenceGenerator(name = "org_recognition_seq", sequenceName = "org_recognition_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_recognition_seq")
    private Long id;

    @Column(name = "org_id", nullable = false)
    private Long organisationId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 100)
    private String title;

    @Column(name = "awarded_by", nullable = false, length = 100)
    private String awardedBy;

    @Column(name = "awarded_on", nullable = false)
    private LocalDate awardedOn;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Version
    private int version;

    protected Recognition() {
    }

    public Recognition(CommunityOrganisation org, String title, String awardedBy, LocalDate awardedOn,
                       String recordedBy) {
        this.organisationId = org.getId();
        this.communityId = org.getCommunityId();
        this.title = title;
        this.awardedBy = awardedBy;
        this.awardedOn = awardedOn;
        this.recordedBy = recordedBy;
    }

    public Long getId() { return id; }
    public Long getOrganisationId() { return organisationId; }
    public String getTitle() { return title; }
    public String getAwardedBy() { return awardedBy; }
    public LocalDate getAwardedOn() { return awardedOn; }
}
