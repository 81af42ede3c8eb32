-- The coordination indices of each grid worker and social worker for a month (docs/indices.md),
-- taken nightly by assessment-run for the month so far, final on the 1st of the next.
CREATE TABLE worker_snapshot (
    period_month DATE NOT NULL,
    account_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    index_code VARCHAR(40) NOT NULL,
    score DECIMAL(9,4) NOT NULL,
    taken_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_worker_snapshot PRIMARY KEY (period_month, account_id, index_code),
    CONSTRAINT fk_worker_snapshot_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_worker_snapshot_community FOREIGN KEY (community_id) REFERENCES community (id)
);
CREATE INDEX ix_worker_snapshot_community ON worker_snapshot (community_id, period_month);
