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
 * A community organisation (社区社会组织) registered in one community, with its actor in the
 * community's concentric circle and its leader, a resident of the community.
 */
@Entity
@Table(name = "community_org")
public class CommunityOrganisation {

    @Id
    @SequenceGenerator(name = "community_org_seq", sequenceName = "community_org_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "community_org_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "actor_id", nullable = false)
    private Long actorId;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "org_type", nullable = false, length = 30)
    private OrganisationType type;

    @Column(name = "founded_on", nullable = false)
    private LocalDate foundedOn;

    @Column(name = "leader_resident_id", nullable = false)
    private Long leaderResidentId;

    @Column(name = "registered_by", nullable = false, length = 50)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Version
    private int version;

    protected CommunityOrganisation() {
    }

    public CommunityOrganisation(Long communityId, Long actorId, String name, OrganisationType type, LocalDate foundedOn,
                                 Long leaderResidentId, String registeredBy, Instant registeredAt) {
        this.communityId = communityId;
        this.actorId = actorId;
        this.name = name;
        this.type = type;
        this.foundedOn = foundedOn;
        this.leaderResidentId = leaderResidentId;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    /** Full years since founding on the given day. */
    public int yearsActive(LocalDate today) {
        return foundedOn.isAfter(today) ? 0 : java.time.Period.between(foundedOn, today).getYears();
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getActorId() { return actorId; }
    public String getName() { return name; }
    public OrganisationType getType() { return type; }
    public LocalDate getFoundedOn() { return foundedOn; }
    public Long getLeaderResidentId() { return leaderResidentId; }
    public String getRegisteredBy() { return registeredBy; }
    public Instant getRegisteredAt() { return registeredAt; }
}
