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

/** An organisation's funds of one year: raised by itself and received from outside, in fen. */
@Entity
@Table(name = "org_funding")
public class OrganisationFunding {

    @Id
    @SequenceGenerator(name = "org_funding_seq", sequenceName = "org_funding_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_funding_seq")
    private Long id;

    @Column(name = "org_id", nullable = false)
    private Long organisationId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "funding_year", nullable = false)
    private int year;

    @Column(name = "self_raised_fen", nullable = false)
    private long selfRaisedFen;

    @Column(name = "external_fen", nullable = false)
    private long externalFen;

    @Version
    private int version;

    protected OrganisationFunding() {
    }

    public OrganisationFunding(CommunityOrganisation org, int year, long selfRaisedFen, long externalFen) {
        this.organisationId = org.getId();
        this.communityId = org.getCommunityId();
        this.year = year;
        set(selfRaisedFen, externalFen);
    }

    /** Replaces the year's figures (a year is recorded once and corrected in place). */
    public void set(long selfRaised, long external) {
        this.selfRaisedFen = selfRaised;
        this.externalFen = external;
    }

    public Long getId() { return id; }
    public Long getOrganisationId() { return organisationId; }
    public int getYear() { return year; }
    public long getSelfRaisedFen() { return selfRaisedFen; }
    public long getExternalFen() { return externalFen; }
}
