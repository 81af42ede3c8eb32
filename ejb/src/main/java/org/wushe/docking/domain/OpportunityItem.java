package org.wushe.docking.domain;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.wushe.community.domain.ActorType;

/** One affair of the opportunity list: its nature, the actor types that may take it, places and period. */
@Entity
@Table(name = "opportunity_item")
public class OpportunityItem {

    @Id
    @SequenceGenerator(name = "opportunity_item_seq", sequenceName = "opportunity_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "opportunity_item_seq")
    private Long id;

    @Column(name = "list_id", nullable = false)
    private Long listId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 200)
    private String affair;

    @Enumerated(EnumType.STRING)
    @Column(name = "issue_nature", nullable = false, length = 20)
    private IssueNature nature;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "opportunity_item_actor_type", joinColumns = @JoinColumn(name = "item_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", length = 30)
    private Set<ActorType> actorTypes = EnumSet.noneOf(ActorType.class);

    @Column(nullable = false)
    private int places;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_until", nullable = false)
    private LocalDate periodUntil;

    @Column(length = 1000)
    private String description;

    @Version
    private int version;

    protected OpportunityItem() {
    }

    public OpportunityItem(OpportunityList list, String affair, IssueNature nature, Set<ActorType> actorTypes,
                           int places, LocalDate periodFrom, LocalDate periodUntil, String description) {
        this.listId = list.getId();
        this.communityId = list.getCommunityId();
        this.affair = affair;
        this.nature = nature;
        this.actorTypes.addAll(actorTypes);
        this.places = places;
        this.periodFrom = periodFrom;
        this.periodUntil = periodUntil;
        this.description = description;
    }

    public Long getId() { return id; }
    public Long getListId() { return listId; }
    public Long getCommunityId() { return communityId; }
    public String getAffair() { return affair; }
    public IssueNature getNature() { return nature; }
    public Set<ActorType> getActorTypes() { return Set.copyOf(actorTypes); }
    public int getPlaces() { return places; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public LocalDate getPeriodUntil() { return periodUntil; }
    public String getDescription() { return description; }
}
