package org.wushe.fund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The four-eyes threshold: the city default (key {@code CITY}) or one community's override. */
@Entity
@Table(name = "fund_setting")
public class FundSetting {

    public static final String CITY = "CITY";

    @Id
    @Column(name = "setting_key", length = 40)
    private String key;

    @Column(name = "approval_threshold_fen", nullable = false)
    private long approvalThresholdFen;

    @Version
    private int version;

    protected FundSetting() {
    }

    public FundSetting(String key, long approvalThresholdFen) {
        this.key = key;
        this.approvalThresholdFen = approvalThresholdFen;
    }

    public static String communityKey(Long communityId) {
        return "COMMUNITY:" + communityId;
    }

    public void change(long fen) {
        this.approvalThresholdFen = fen;
    }

    public String getKey() { return key; }
    public long getApprovalThresholdFen() { return approvalThresholdFen; }
}
