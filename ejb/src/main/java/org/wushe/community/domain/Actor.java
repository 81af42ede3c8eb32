package org.wushe.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An actor of a community's concentric circle: a social organisation, the property manager, the
 * business committee, a unit in the jurisdiction, a volunteer team or a resident backbone. Its ring
 * follows from its type.
 */
@Entity
@Table(name = "actor")
public class Actor {

    @Id
    @SequenceGenerator(name = "actor_seq", sequenceName = "actor_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "actor_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id", nullable = false)
    private Community community;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false, length = 30)
    private ActorType type;

    @Column(name = "contact_name", length = 50)
    private String contactName;

    @Column(name = "resident_id")
    private Long residentId;

    @Version
    private int version;

    protected Actor() {
    }

    public Actor(Community community, String name, ActorType type, String contactName, Long residentId) {
        this.community = community;
        this.name = Codes.requireName("name", name);
        this.type = type;
        this.contactName = contactName;
        this.residentId = residentId;
    }

    public Long getId() {
        return id;
    }

    public Community getCommunity() {
        return community;
    }

    public String getName() {
        return name;
    }

    public ActorType getType() {
        return type;
    }

    public int getRing() {
        return type.ring();
    }

    public String getContactName() {
        return contactName;
    }

    public Long getResidentId() {
        return residentId;
    }
}
