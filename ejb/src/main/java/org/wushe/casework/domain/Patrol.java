package org.wushe.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.wushe.shared.ConflictException;

/**
 * A grid worker's patrol of one grid cell: when, how many households were visited, what was found.
 * A social worker may join it; the patrol then counts for both (a joint patrol).
 */
@Entity
@Table(name = "patrol")
public class Patrol {

    @Id
    @SequenceGenerator(name = "patrol_seq", sequenceName = "patrol_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patrol_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "grid_cell_id", nullable = false)
    private Long gridCellId;

    @Column(name = "grid_worker_id", nullable = false)
    private Long gridWorkerId;

    @Column(name = "grid_worker", nullable = false, length = 50)
    private String gridWorker;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;

    @Column(name = "households_visited", nullable = false)
    private int householdsVisited;

    @Column(length = 2000)
    private String findings;

    @Column(name = "social_worker_id")
    private Long socialWorkerId;

    @Column(name = "social_worker", length = 50)
    private String socialWorker;

    @Column(name = "joined_at")
    private Instant joinedAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private int version;

    protected Patrol() {
    }

    public Patrol(Long communityId, Long gridCellId, Long gridWorkerId, String gridWorker, Instant startedAt,
                  Instant endedAt, int householdsVisited, String findings, Instant recordedAt) {
        this.communityId = communityId;
        this.gridCellId = gridCellId;
        this.gridWorkerId = gridWorkerId;
        this.gridWorker = gridWorker;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.householdsVisited = householdsVisited;
        this.findings = findings;
        this.recordedAt = recordedAt;
    }

    /** A social worker joins; a patrol has one social worker at most ({@code patrol.joined}). */
    public void join(Long accountId, String username, Instant at) {
        if (socialWorkerId != null) {
            throw new ConflictException("patrol.joined", "Already joined", socialWorker);
        }
        socialWorkerId = accountId;
        socialWorker = username;
        joinedAt = at;
    }

    public boolean isJoint() { return socialWorkerId != null; }
    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getGridCellId() { return gridCellId; }
    public Long getGridWorkerId() { return gridWorkerId; }
    public String getGridWorker() { return gridWorker; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public int getHouseholdsVisited() { return householdsVisited; }
    public String getFindings() { return findings; }
    public Long getSocialWorkerId() { return socialWorkerId; }
    public String getSocialWorker() { return socialWorker; }
    public Instant getJoinedAt() { return joinedAt; }
    public Instant getRecordedAt() { return recordedAt; }
}
