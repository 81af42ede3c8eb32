package org.wushe.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * The referral deadlines per risk level and the period after which an open case counts as stubborn:
 * one city-wide row (no community) set by the bureau, and optionally one row per community that
 * overrides it.
 */
@Entity
@Table(name = "casework_setting")
public class CaseworkSetting {

    @Id
    @SequenceGenerator(name = "casework_setting_seq", sequenceName = "casework_setting_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "casework_setting_seq")
    private Long id;

    @Column(name = "community_id")
    private Long communityId;

    @Column(name = "high_risk_hours", nullable = false)
    private int highRiskHours;

    @Column(name = "medium_risk_hours", nullable = false)
    private int mediumRiskHours;

    @Column(name = "low_risk_hours", nullable = false)
    private int lowRiskHours;

    @Column(name = "stubborn_after_days", nullable = false)
    private int stubbornAfterDays;

    @Column(name = "updated_by", nullable = false, length = 50)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected CaseworkSetting() {
    }

    public CaseworkSetting(Long communityId) {
        this.communityId = communityId;
    }

    public void update(int high, int medium, int low, int stubbornDays, String by, Instant at) {
        this.highRiskHours = high;
        this.mediumRiskHours = medium;
        this.lowRiskHours = low;
        this.stubbornAfterDays = stubbornDays;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** How long the receiving social worker has to accept or return a referral of that risk. */
    public Duration deadline(RiskLevel risk) {
        return Duration.ofHours(switch (risk) {
            case HIGH -> highRiskHours;
            case MEDIUM -> mediumRiskHours;
            case LOW -> lowRiskHours;
        });
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public int getHighRiskHours() { return highRiskHours; }
    public int getMediumRiskHours() { return mediumRiskHours; }
    public int getLowRiskHours() { return lowRiskHours; }
    public int getStubbornAfterDays() { return stubbornAfterDays; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
}
