package org.wushe.fund.domain;

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

/** A category's maximum or minimum share of a year's allocations and expenditures, set by the bureau. */
@Entity
@Table(name = "fund_limit")
public class FundLimit {

    @Id
    @SequenceGenerator(name = "fund_row_seq", sequenceName = "fund_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_row_seq")
    private Long id;

    @Column(name = "limit_year", nullable = false)
    private int year;

    @Column(name = "category_code", nullable = false, length = 30)
    private String categoryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 3)
    private LimitBound bound;

    @Column(name = "share_bp", nullable = false)
    private int shareBp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 4)
    private Strictness strictness;

    @Version
    private int version;

    protected FundLimit() {
    }

    public FundLimit(int year, String categoryCode, LimitBound bound, int shareBp, Strictness strictness) {
        this.year = year;
        this.categoryCode = categoryCode;
        this.bound = bound;
        change(shareBp, strictness);
    }

    public void change(int shareBp, Strictness strictness) {
        this.shareBp = shareBp;
        this.strictness = strictness;
    }

    public ShareLimits.Limit rule() {
        return new ShareLimits.Limit(categoryCode, bound, shareBp, strictness);
    }

    public Long getId() { return id; }
    public int getYear() { return year; }
    public String getCategoryCode() { return categoryCode; }
    public LimitBound getBound() { return bound; }
    public int getShareBp() { return shareBp; }
    public Strictness getStrictness() { return strictness; }
}
