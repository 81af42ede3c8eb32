package org.wushe.docking.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;

/**
 * What a confirmed match becomes: a resource put to work on a need, with an owner, participants and
 * a due date. While planned or started it holds {@link #getQuantity()} of the resource's capacity.
 */
@Entity
@Table(name = "docking_action")
public class DockingAction {

    @Id
    @SequenceGenerator(name = "docking_action_seq", sequenceName = "docking_action_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "docking_action_seq")
    private Long id;

    @Column(name = "need_id", nullable = false)
    private Long needId;

    @Column(name = "resource_id", nullable = false)
    private Long resourceId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "owner_username", nullable = false, length = 50)
    private String owner;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "docking_action_participant", joinColumns = @JoinColumn(name = "action_id"))
    @Column(name = "participant", length = 100)
    private Set<String> participants = new LinkedHashSet<>();

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ActionStatus status;

    @Column(name = "provider_key", nullable = false, length = 60)
    private String providerKey;

    @Column(name = "match_score", nullable = false)
    private int matchScore;

    @Column(name = "match_reason", length = 500)
    private String matchReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 50)
    private String createdBy;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(length = 1000)
    private String outcome;

    @Version
    private int version;

    protected DockingAction() {
    }

    public DockingAction(Need need, Resource resource, int quantity, String owner, Set<String> participants,
                         LocalDate dueOn, int matchScore, String matchReason, Instant at, String by) {
        this.needId = need.getId();
        this.resourceId = resource.getId();
        this.communityId = need.getCommunity().getId();
        this.quantity = quantity;
        this.owner = owner;
        this.participants.addAll(participants);
        this.dueOn = dueOn;
        this.status = ActionStatus.PLANNED;
        this.providerKey = resource.getProviderKey();
        this.matchScore = matchScore;
        this.matchReason = matchReason;
        this.createdAt = at;
        this.createdBy = by;
    }

    public void start(Instant at) {
        require(ActionStatus.PLANNED, ActionStatus.STARTED);
        status = ActionStatus.STARTED;
        startedAt = at;
    }

    public void finish(ActionStatus end, String outcome, Instant at) {
        if (!status.active()) {
            throw new ConflictException("action.transition", "Action " + id + " is " + status, label(status), label(end));
        }
        status = end;
        this.outcome = outcome;
        finishedAt = at;
    }

    private void require(ActionStatus from, ActionStatus to) {
        if (status != from) {
            throw new ConflictException("action.transition", "Action " + id + " is " + status, label(status), label(to));
        }
    }

    private static Label label(ActionStatus s) {
        return new Label("docking.actionStatus." + s.name());
    }

    /** Past its due date and not finished. */
    public boolean overdue(LocalDate today) {
        return status.active() && dueOn.isBefore(today);
    }

    public Long getId() { return id; }
    public Long getNeedId() { return needId; }
    public Long getResourceId() { return resourceId; }
    public Long getCommunityId() { return communityId; }
    public int getQuantity() { return quantity; }
    public String getOwner() { return owner; }
    public Set<String> getParticipants() { return Set.copyOf(participants); }
    public LocalDate getDueOn() { return dueOn; }
    public ActionStatus getStatus() { return status; }
    public String getProviderKey() { return providerKey; }
    public int getMatchScore() { return matchScore; }
    public String getMatchReason() { return matchReason; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public String getOutcome() { return outcome; }
}
