package org.wushe.points.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A balanced movement of points: its entries sum to zero (points come from one account and go to
 * another). It has exactly one source ({@code source type + source id}, unique in the database), so
 * booking the same source twice is impossible, whatever retries happen.
 *
 * <p>Usage: {@code PointTransaction.transfer(SourceType.SERVICE_HOURS, hoursId, communityId, pool,
 * volunteer, 30, now, expiresOn, "2 h elderly visiting")}
 */
@Entity
@Table(name = "point_transaction")
public class PointTransaction {

    @Id
    @SequenceGenerator(name = "point_transaction_seq", sequenceName = "point_transaction_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "point_transaction_seq")
    private Long id;

    @Column(name = "source_type", nullable = false, updatable = false, length = 30)
    private String sourceType;

    @Column(name = "source_id", nullable = false, updatable = false)
    private Long sourceId;

    @Column(name = "community_id", nullable = false, updatable = false)
    private Long communityId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(updatable = false, length = 200)
    private String memo;

    @OneToMany(mappedBy = "transaction", cascade = CascadeType.PERSIST)
    private List<PointEntry> entries = new ArrayList<>();

    protected PointTransaction() {
    }

    /**
     * Moves {@code points} (positive) from one account to another. {@code expiresOn} marks the
     * credited points' expiry (null when they do not expire, e.g. a refund into the pool).
     */
    public static PointTransaction transfer(SourceType type, Long sourceId, Long communityId, PointAccount from,
                                            PointAccount to, long points, Instant now, LocalDate expiresOn,
                                            String memo) {
        if (points <= 0) {
            throw new IllegalArgumentException("a transfer moves a positive number of points");
        }
        PointTransaction t = new PointTransaction();
        t.sourceType = type.name();
        t.sourceId = sourceId;
        t.communityId = communityId;
        t.createdAt = now;
        t.memo = memo == null || memo.length() <= 200 ? memo : memo.substring(0, 200);
        t.entries.add(new PointEntry(t, from.getId(), -points, now, null));
        t.entries.add(new PointEntry(t, to.getId(), points, now, expiresOn));
        return t;
    }

    /** The sum of the entries; zero for every transaction built here. */
    public long balance() {
        return entries.stream().mapToLong(PointEntry::getAmount).sum();
    }

    public Long getId() {
        return id;
    }

    public String getSourceType() {
        return sourceType;
    }

    public Long getSourceId() {
        return sourceId;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getMemo() {
        return memo;
    }

    public List<PointEntry> getEntries() {
        return List.copyOf(entries);
    }
}
