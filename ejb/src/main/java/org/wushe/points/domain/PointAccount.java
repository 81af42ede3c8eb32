package org.wushe.points.domain;

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

/**
 * A point account. It has no balance column: the balance is the sum of its entries, so it can
 * never disagree with them. The owner key ({@code VOLUNTEER:<resident>}, {@code POOL:<community>})
 * is unique, so an account is opened once however many callers ask at the same time.
 */
@Entity
@Table(name = "point_account")
public class PointAccount {

    @Id
    @SequenceGenerator(name = "point_account_seq", sequenceName = "point_account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "point_account_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_kind", nullable = false, length = 20)
    private AccountKind kind;

    @Column(name = "resident_id")
    private Long residentId;

    @Column(name = "owner_key", nullable = false, unique = true, length = 60)
    private String ownerKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected PointAccount() {
    }

    private PointAccount(Long communityId, AccountKind kind, Long residentId, Instant now) {
        this.communityId = communityId;
        this.kind = kind;
        this.residentId = residentId;
        this.ownerKey = ownerKey(kind, communityId, residentId);
        this.createdAt = now;
    }

    public static PointAccount of(AccountKind kind, Long communityId, Long residentId, Instant now) {
        return new PointAccount(communityId, kind, kind == AccountKind.REWARD_POOL ? null : residentId, now);
    }

    /** The unique key of an account: one per resident and kind, one pool per community. */
    public static String ownerKey(AccountKind kind, Long communityId, Long residentId) {
        return kind == AccountKind.REWARD_POOL ? "POOL:" + communityId : kind + ":" + residentId;
    }

    public Long getId() {
        return id;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public AccountKind getKind() {
        return kind;
    }

    public Long getResidentId() {
        return residentId;
    }

    public String getOwnerKey() {
        return ownerKey;
    }
}
