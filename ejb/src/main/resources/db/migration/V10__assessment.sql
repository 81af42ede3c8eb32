-- Assessment snapshots: each community's figures of a month, taken nightly by the assessment-run
-- job. Dashboards read only these rows (a month of the whole city is about 45,000 of them).
CREATE TABLE assessment_snapshot (
    period_month DATE NOT NULL,
    community_id BIGINT NOT NULL,
    metric VARCHAR(40) NOT NULL,
    metric_value DECIMAL(18,4) NOT NULL,
    taken_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_assessment_snapshot PRIMARY KEY (period_month, community_id, metric),
    CONSTRAINT fk_assessment_community FOREIGN KEY (community_id) REFERENCES community (id)
);
-- A community's trend over the months.
CREATE INDEX ix_assessment_community ON assessment_snapshot (community_id, period_month);
