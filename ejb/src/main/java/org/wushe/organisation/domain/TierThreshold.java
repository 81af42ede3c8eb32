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

/** The city's stored thresholds of one upper tier; {@link #rule()} gives the pure rule. */
@Entity
@Table(name = "org_tier_rule")
public class TierThreshold {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "tier", length = 20)
    private MaturityTier tier;

    @Column(name = "min_activities", nullable = false)
    private int minActivities;

    @Column(name = "min_members", nullable = false)
    private int minMembers;

    @Column(name = "min_self_share_pct", nullable = false)
    private int minSelfSharePercent;

    @Column(name = "min_satisfaction_tenths", nullable = false)
    private int minSatisfactionTenths;

    @Column(name = "min_years", nullable = false)
    private int minYears;

    @Column(name = "changed_by", nullable = false, length = 50)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private int version;

    protected TierThreshold() {
    }

    public TierRule rule() {
        return new TierRule(tier, minActivities, minMembers, minSelfSharePercent, minSatisfactionTenths, minYears);
    }

    public void set(TierRule r, String by, Instant at) {
        this.minActivities = r.minActivities();
        this.minMembers = r.minMembers();
        this.minSelfSharePercent = r.minSelfSharePercent();
        this.minSatisfactionTenths = r.minSatisfactionTenths();
        this.minYears = r.minYears();
        this.changedBy = by;
        this.changedAt = at;
    }

    public MaturityTier getTier() { return tier; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
}
