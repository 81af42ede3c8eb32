package org.wushe.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A resident's capacity level (1 basic, 2 intermediate, 3 advanced), set by staff with a reason. */
@Entity
@Table(name = "resident_capacity")
public class ResidentCapacity {

    public static final int DEFAULT_LEVEL = 1;

    @Id
    @Column(name = "resident_id")
    private Long residentId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "capacity_level", nullable = false)
    private int level;

    @Column(length = 500)
    private String reason;

    @Column(name = "set_by", nullable = false, length = 50)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Version
    private int version;

    protected ResidentCapacity() {
    }

    public ResidentCapacity(Long residentId, Long communityId) {
        this.residentId = residentId;
        this.communityId = communityId;
        this.level = DEFAULT_LEVEL;
    }

    public void set(int level, String reason, String by, Instant at) {
        this.level = level;
        this.reason = reason;
        this.setBy = by;
        this.setAt = at;
    }

    public Long getResidentId() { return residentId; }
    public Long getCommunityId() { return communityId; }
    public int getLevel() { return level; }
    public String getReason() { return reason; }
    public String getSetBy() { return setBy; }
    public Instant getSetAt() { return setAt; }
}
