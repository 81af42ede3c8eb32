-- Fund spending by category against limits, per community and month (docs/assessment.md): each
-- category's year-to-date allocations and spending up to the month's end, their shares of the
-- community's totals in basis points, the year's limits and whether the shares break them.
-- Replaced with the month's assessment snapshot.
CREATE TABLE assessment_fund_share (
    period_month DATE NOT NULL,
    community_id BIGINT NOT NULL,
    category_code VARCHAR(30) NOT NULL,
    allocated_fen BIGINT NOT NULL,
    allocated_bp INTEGER NOT NULL,
    spent_month_fen BIGINT NOT NULL,
    spent_fen BIGINT NOT NULL,
    spent_bp INTEGER NOT NULL,
    max_bp INTEGER,
    max_strictness VARCHAR(4),
    min_bp INTEGER,
    min_strictness VARCHAR(4),
    allocated_broken SMALLINT NOT NULL,
    spent_broken SMALLINT NOT NULL,
    taken_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_assessment_fund_share PRIMARY KEY (period_month, community_id, category_code),
    CONSTRAINT fk_assessment_fund_share_community FOREIGN KEY (community_id) REFERENCES community (id)
);
CREATE INDEX ix_assessment_fund_share_community ON assessment_fund_share (community_id, period_month);
-- The nightly snapshot sums the year's allocations and spending of every community by date.
CREATE INDEX ix_fund_allocation_date ON fund_allocation (allocated_on);
CREATE INDEX ix_fund_expenditure_date ON fund_expenditure (spent_on);
