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

/** A resident's membership of an organisation, from joining to leaving (open while a member). */
@Entity
@Table(name = "org_member")
public class OrganisationMember {

    @Id
    @SequenceGenerator(name = "org_member_seq", sequenceName = "org_member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_member_seq")
    private Long id;

    @Column(name = "org_id", nullable = false)
    private Long organisationId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(name = "joined_on", nullable = false)
    private LocalDate joinedOn;

    @Column(name = "left_on")
    private LocalDate leftOn;

    @Version
    private int version;

    protected OrganisationMember() {
    }

    public OrganisationMember(CommunityOrganisation org, Long residentId, LocalDate joinedOn) {
        this.organisationId = org.getId();
        this.communityId = org.getCommunityId();
        this.residentId = residentId;
        this.joinedOn = joinedOn;
    }

    /** Whether the resident is a member on the day. */
    public boolean activeOn(LocalDate day) {
        return !joinedOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
    }

    /** Records the leaving; a leaving before the joining is refused by the service. */
    public void leave(LocalDate on) {
        this.leftOn = on;
    }

    public Long getId() { return id; }
    public Long getOrganisationId() { return organisationId; }
    public Long getCommunityId() { return communityId; }
    public Long getResidentId() { return residentId; }
    public LocalDate getJoinedOn() { return joinedOn; }
    public LocalDate getLeftOn() { return leftOn; }
}
