-- Expiry of points and monthly statements, both written by the nightly points-settle job.

-- One expiry per account and day: the source of the EXPIRY transaction that takes the expired,
-- unspent points back to the community's pool (never a deletion).
CREATE SEQUENCE point_expiry_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE TABLE point_expiry (
    id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    as_of DATE NOT NULL,
    amount BIGINT NOT NULL,
    CONSTRAINT pk_point_expiry PRIMARY KEY (id),
    CONSTRAINT uq_point_expiry_day UNIQUE (account_id, as_of),
    CONSTRAINT fk_point_expiry_account FOREIGN KEY (account_id) REFERENCES point_account (id),
    CONSTRAINT ck_point_expiry_amount CHECK (amount > 0)
);

-- A month of an account: opening balance, what came in and went out, closing balance.
CREATE TABLE point_statement (
    account_id BIGINT NOT NULL,
    period_month DATE NOT NULL,
    opening BIGINT NOT NULL,
    credits BIGINT NOT NULL,
    debits BIGINT NOT NULL,
    closing BIGINT NOT NULL,
    entry_count INTEGER NOT NULL,
    CONSTRAINT pk_point_statement PRIMARY KEY (account_id, period_month),
    CONSTRAINT fk_point_statement_account FOREIGN KEY (account_id) REFERENCES point_account (id),
    CONSTRAINT ck_point_statement_balance CHECK (closing = opening + credits - debits)
);
CREATE INDEX ix_point_statement_month ON point_statement (period_month);

-- The expiry reads earned entries by their expiry date.
CREATE INDEX ix_point_entry_expiry ON point_entry (expires_on, account_id);
