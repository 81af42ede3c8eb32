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
import org.wushe.shared.ConflictException;
import org.wushe.shared.ValidationException;

/** An item of a community's rewards catalogue: a service or small goods, its cost in points, its stock. */
@Entity
@Table(name = "reward")
public class Reward {

    /** Whether the reward is a service or goods. */
    public enum Kind { SERVICE, GOODS }

    @Id
    @SequenceGenerator(name = "reward_seq", sequenceName = "reward_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reward_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "reward_kind", nullable = false, length = 20)
    private Kind kind;

    @Column(nullable = false)
    private long cost;

    @Column(nullable = false)
    private int stock;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private int version;

    protected Reward() {
    }

    public Reward(Long communityId, String name, Kind kind, long cost, int stock) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (name == null || name.isBlank()) {
            errors.add("name", "reward.name.required");
        }
        if (kind == null) {
            errors.add("kind", "reward.kind.required");
        }
        if (cost <= 0) {
            errors.add("cost", "reward.cost.positive");
        }
        if (stock < 0) {
            errors.add("stock", "reward.stock.negative");
        }
        errors.throwIfAny();
        this.communityId = communityId;
        this.name = name.trim();
        this.kind = kind;
        this.cost = cost;
        this.stock = stock;
    }

    /** Takes one from the stock. @throws ConflictException {@code reward.soldOut} when none is left */
    public void takeOne() {
        if (!active || stock <= 0) {
            throw new ConflictException("reward.soldOut", "Reward " + id + " is sold out", name);
        }
        stock--;
    }

    /** Puts one back (a cancelled redemption). */
    public void putBack() {
        stock++;
    }

    public void restock(int more) {
        if (more <= 0) {
            throw ValidationException.of("stock", "reward.stock.negative");
        }
        stock += more;
    }

    public Long getId() {
        return id;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public String getName() {
        return name;
    }

    public Kind getKind() {
        return kind;
    }

    public long getCost() {
        return cost;
    }

    public int getStock() {
        return stock;
    }

    public boolean isActive() {
        return active;
    }
}
