-- Project incubation zone, first part: the community micro-fund with its double-entry ledger,
-- needs-based projects with their lifecycle, progress and evaluation, and the bureau's spending
-- categories with their yearly limits (docs/fund.md). Money is BIGINT in fen everywhere.
-- ${blob_type} is BLOB on Derby and BYTEA on PostgreSQL (set by SchemaMigration).

CREATE SEQUENCE fund_project_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE fund_row_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE fund_account_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE fund_transaction_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE fund_entry_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE fund_file_seq AS BIGINT START WITH 50 INCREMENT BY 50;

-- The bureau's spending categories: NEEDS ones carry minimum shares, IMAGE ones maximum shares.
CREATE TABLE fund_category (
    code VARCHAR(30) NOT NULL,
    name_zh VARCHAR(50) NOT NULL,
    name_en VARCHAR(50) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    sort_order INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_fund_category PRIMARY KEY (code)
);
INSERT INTO fund_category (code, name_zh, name_en, kind, sort_order, active, version) VALUES
    ('ELDER_RENOVATION', '适老化改造', 'Elder-friendly renovation', 'NEEDS', 10, TRUE, 0),
    ('ELDER_CARE', '助老助残', 'Elder and disability care', 'NEEDS', 20, TRUE, 0),
    ('CHILD_CARE', '儿童关爱', 'Child care', 'NEEDS', 30, TRUE, 0),
    ('PUBLICITY', '宣传形象', 'Publicity and image', 'IMAGE', 40, TRUE, 0),
    ('CULTURE', '文体活动', 'Culture and sports', 'OTHER', 50, TRUE, 0),
    ('ADMIN', '办公运行', 'Office and running costs', 'OTHER', 60, TRUE, 0);

-- A category's share limit for one year, in basis points (2000 = 20%), MAX or MIN, HARD or SOFT.
CREATE TABLE fund_limit (
    id BIGINT NOT NULL,
    limit_year INTEGER NOT NULL,
    category_code VARCHAR(30) NOT NULL,
    bound VARCHAR(3) NOT NULL,
    share_bp INTEGER NOT NULL,
    strictness VARCHAR(4) NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_fund_limit PRIMARY KEY (id),
    CONSTRAINT fk_fund_limit_category FOREIGN KEY (category_code) REFERENCES fund_category (code),
    CONSTRAINT uq_fund_limit UNIQUE (limit_year, category_code, bound),
    CONSTRAINT ck_fund_limit_share CHECK (share_bp BETWEEN 0 AND 10000)
);

-- The four-eyes threshold: key CITY (the default) or COMMUNITY:<id> (an override).
CREATE TABLE fund_setting (
    setting_key VARCHAR(40) NOT NULL,
    approval_threshold_fen BIGINT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_fund_setting PRIMARY KEY (setting_key)
);
INSERT INTO fund_setting (setting_key, approval_threshold_fen, version) VALUES ('CITY', 500000, 0);

CREATE TABLE fund_project (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title VARCHAR(100) NOT NULL,
    goal VARCHAR(2000) NOT NULL,
    beneficiaries_planned INTEGER NOT NULL,
    beneficiaries_reached INTEGER,
    beneficiary_group VARCHAR(200),
    stage VARCHAR(12) NOT NULL,
    designed_by VARCHAR(50) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    starts_on DATE,
    ends_on DATE,
    satisfaction_tenths INTEGER,
    respondents INTEGER,
    evaluation_note VARCHAR(2000),
    evaluated_at TIMESTAMP,
    evaluated_by VARCHAR(50),
    version INTEGER NOT NULL,
    CONSTRAINT pk_fund_project PRIMARY KEY (id),
    CONSTRAINT fk_fund_project_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT ck_fund_project_satisfaction CHECK (satisfaction_tenths IS NULL OR satisfaction_tenths BETWEEN 10 AND 50)
);
CREATE INDEX ix_fund_project_community ON fund_project (community_id, stage, id);

-- The planned budget of a project by spending category (what the design asks for).
CREATE TABLE fund_project_budget (
    id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    category_code VARCHAR(30) NOT NULL,
    planned_fen BIGINT NOT NULL,
    CONSTRAINT pk_fund_project_budget PRIMARY KEY (id),
    CONSTRAINT fk_fund_project_budget_project FOREIGN KEY (project_id) REFERENCES fund_project (id),
    CONSTRAINT fk_fund_project_budget_category FOREIGN KEY (category_code) REFERENCES fund_category (code),
    CONSTRAINT uq_fund_project_budget UNIQUE (project_id, category_code),
    CONSTRAINT ck_fund_project_budget CHECK (planned_fen >= 0)
);

-- The diagnosed needs a project answers (optional), and whether the evaluation found each closed.
CREATE TABLE fund_project_need (
    project_id BIGINT NOT NULL,
    need_id BIGINT NOT NULL,
    closed BOOLEAN NOT NULL,
    CONSTRAINT pk_fund_project_need PRIMARY KEY (project_id, need_id),
    CONSTRAINT fk_fund_project_need_project FOREIGN KEY (project_id) REFERENCES fund_project (id),
    CONSTRAINT fk_fund_project_need_need FOREIGN KEY (need_id) REFERENCES need (id)
);
CREATE INDEX ix_fund_project_need_need ON fund_project_need (need_id);

CREATE TABLE fund_milestone (
    id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    title VARCHAR(100) NOT NULL,
    due_on DATE NOT NULL,
    done BOOLEAN NOT NULL,
    done_on DATE,
    version INTEGER NOT NULL,
    CONSTRAINT pk_fund_milestone PRIMARY KEY (id),
    CONSTRAINT fk_fund_milestone_project FOREIGN KEY (project_id) REFERENCES fund_project (id)
);
CREATE INDEX ix_fund_milestone_project ON fund_milestone (project_id, due_on);

CREATE TABLE fund_project_step (
    id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    from_stage VARCHAR(12),
    to_stage VARCHAR(12) NOT NULL,
    actor VARCHAR(50) NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    note VARCHAR(1000),
    CONSTRAINT pk_fund_project_step PRIMARY KEY (id),
    CONSTRAINT fk_fund_project_step_project FOREIGN KEY (project_id) REFERENCES fund_project (id)
);
CREATE INDEX ix_fund_project_step_project ON fund_project_step (project_id, occurred_at);

CREATE TABLE fund_progress (
    id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    body VARCHAR(2000) NOT NULL,
    reported_on DATE NOT NULL,
    reported_at TIMESTAMP NOT NULL,
    reported_by VARCHAR(50) NOT NULL,
    CONSTRAINT pk_fund_progress PRIMARY KEY (id),
    CONSTRAINT fk_fund_progress_project FOREIGN KEY (project_id) REFERENCES fund_project (id),
    CONSTRAINT fk_fund_progress_community FOREIGN KEY (community_id) REFERENCES community (id)
);
CREATE INDEX ix_fund_progress_project ON fund_progress (project_id, reported_on);

-- Uploaded files (progress photos, expenditure receipts): type checked by magic bytes, at most 5 MB.
CREATE TABLE fund_file (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    purpose VARCHAR(10) NOT NULL,
    owner_id BIGINT,
    content_type VARCHAR(30) NOT NULL,
    file_name VARCHAR(200),
    size_bytes INTEGER NOT NULL,
    uploaded_at TIMESTAMP NOT NULL,
    uploaded_by VARCHAR(50) NOT NULL,
    content ${blob_type} NOT NULL,
    CONSTRAINT pk_fund_file PRIMARY KEY (id),
    CONSTRAINT fk_fund_file_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT ck_fund_file_size CHECK (size_bytes BETWEEN 1 AND 5242880)
);
CREATE INDEX ix_fund_file_owner ON fund_file (purpose, owner_id);

-- Ledger accounts of a community: CASH, RESTRICTED (per project or category), BUDGET (project x
-- category), EXPENSE (per category), DONATIONS. The balance is kept with the account for locking
-- and speed; the entries are the truth (FundService.invariant sums them).
CREATE TABLE fund_account (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    kind VARCHAR(10) NOT NULL,
    project_id BIGINT,
    category_code VARCHAR(30),
    account_key VARCHAR(80) NOT NULL,
    balance_fen BIGINT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_fund_account PRIMARY KEY (id),
    CONSTRAINT fk_fund_account_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_fund_account_project FOREIGN KEY (project_id) REFERENCES fund_project (id),
    CONSTRAINT fk_fund_account_category FOREIGN KEY (category_code) REFERENCES fund_category (code),
    CONSTRAINT uq_fund_account UNIQUE (community_id, account_key)
);
CREATE INDEX ix_fund_account_project ON fund_account (project_id);

CREATE TABLE fund_transaction (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    kind VARCHAR(12) NOT NULL,
    source_id BIGINT,
    reverses_id BIGINT,
    occurred_on DATE NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    recorded_by VARCHAR(50) NOT NULL,
    memo VARCHAR(300),
    CONSTRAINT pk_fund_transaction PRIMARY KEY (id),
    CONSTRAINT fk_fund_transaction_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_fund_transaction_reverses FOREIGN KEY (reverses_id) REFERENCES fund_transaction (id),
    -- A transaction is reversed at most once (a UNIQUE constraint: many NULLs allowed on both databases).
    CONSTRAINT uq_fund_transaction_reverses UNIQUE (reverses_id)
);
CREATE INDEX ix_fund_transaction_community ON fund_transaction (community_id, recorded_at, id);

-- Entries never change: side D or C, a positive amount.
CREATE TABLE fund_entry (
    id BIGINT NOT NULL,
    transaction_id BIGINT,
    account_id BIGINT NOT NULL,
    side CHAR(1) NOT NULL,
    amount_fen BIGINT NOT NULL,
    CONSTRAINT pk_fund_entry PRIMARY KEY (id),
    CONSTRAINT fk_fund_entry_transaction FOREIGN KEY (transaction_id) REFERENCES fund_transaction (id),
    CONSTRAINT fk_fund_entry_account FOREIGN KEY (account_id) REFERENCES fund_account (id),
    CONSTRAINT ck_fund_entry_side CHECK (side IN ('D', 'C')),
    CONSTRAINT ck_fund_entry_amount CHECK (amount_fen > 0)
);
CREATE INDEX ix_fund_entry_transaction ON fund_entry (transaction_id);
CREATE INDEX ix_fund_entry_account ON fund_entry (account_id);

CREATE TABLE fund_donation (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    donor_kind VARCHAR(12) NOT NULL,
    donor_name VARCHAR(100) NOT NULL,
    resident_id BIGINT,
    amount_fen BIGINT NOT NULL,
    refunded_fen BIGINT NOT NULL,
    donated_on DATE NOT NULL,
    receipt_no VARCHAR(40) NOT NULL,
    restriction VARCHAR(10) NOT NULL,
    restricted_project_id BIGINT,
    restricted_category VARCHAR(30),
    named_publicly BOOLEAN NOT NULL,
    status VARCHAR(10) NOT NULL,
    recorded_by VARCHAR(50) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    transaction_id BIGINT,
    version INTEGER NOT NULL,
    CONSTRAINT pk_fund_donation PRIMARY KEY (id),
    CONSTRAINT fk_fund_donation_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_fund_donation_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT fk_fund_donation_project FOREIGN KEY (restricted_project_id) REFERENCES fund_project (id),
    CONSTRAINT fk_fund_donation_category FOREIGN KEY (restricted_category) REFERENCES fund_category (code),
    CONSTRAINT uq_fund_donation_receipt UNIQUE (community_id, receipt_no),
    CONSTRAINT ck_fund_donation_amount CHECK (amount_fen > 0 AND refunded_fen BETWEEN 0 AND amount_fen)
);
CREATE INDEX ix_fund_donation_community ON fund_donation (community_id, donated_on, id);
CREATE INDEX ix_fund_donation_donor ON fund_donation (community_id, donor_name);
CREATE INDEX ix_fund_donation_resident ON fund_donation (resident_id);

CREATE TABLE fund_allocation (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    category_code VARCHAR(30) NOT NULL,
    amount_fen BIGINT NOT NULL,
    money_source VARCHAR(16) NOT NULL,
    allocated_on DATE NOT NULL,
    justification VARCHAR(1000),
    status VARCHAR(10) NOT NULL,
    recorded_by VARCHAR(50) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    transaction_id BIGINT,
    CONSTRAINT pk_fund_allocation PRIMARY KEY (id),
    CONSTRAINT fk_fund_allocation_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_fund_allocation_project FOREIGN KEY (project_id) REFERENCES fund_project (id),
    CONSTRAINT fk_fund_allocation_category FOREIGN KEY (category_code) REFERENCES fund_category (code),
    CONSTRAINT ck_fund_allocation_amount CHECK (amount_fen > 0)
);
CREATE INDEX ix_fund_allocation_community ON fund_allocation (community_id, allocated_on);
CREATE INDEX ix_fund_allocation_project ON fund_allocation (project_id);

CREATE TABLE fund_expenditure (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    category_code VARCHAR(30) NOT NULL,
    amount_fen BIGINT NOT NULL,
    payee VARCHAR(100) NOT NULL,
    purpose VARCHAR(500) NOT NULL,
    spent_on DATE NOT NULL,
    receipt_file_id BIGINT,
    justification VARCHAR(1000),
    status VARCHAR(10) NOT NULL,
    requested_by VARCHAR(50) NOT NULL,
    requested_at TIMESTAMP NOT NULL,
    decided_by VARCHAR(50),
    decided_at TIMESTAMP,
    reject_reason VARCHAR(1000),
    transaction_id BIGINT,
    version INTEGER NOT NULL,
    CONSTRAINT pk_fund_expenditure PRIMARY KEY (id),
    CONSTRAINT fk_fund_expenditure_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_fund_expenditure_project FOREIGN KEY (project_id) REFERENCES fund_project (id),
    CONSTRAINT fk_fund_expenditure_category FOREIGN KEY (category_code) REFERENCES fund_category (code),
    CONSTRAINT fk_fund_expenditure_file FOREIGN KEY (receipt_file_id) REFERENCES fund_file (id),
    CONSTRAINT ck_fund_expenditure_amount CHECK (amount_fen > 0)
);
CREATE INDEX ix_fund_expenditure_community ON fund_expenditure (community_id, status, spent_on);
CREATE INDEX ix_fund_expenditure_project ON fund_expenditure (project_id);

CREATE TABLE fund_refund (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    donation_id BIGINT NOT NULL,
    amount_fen BIGINT NOT NULL,
    refunded_on DATE NOT NULL,
    reason VARCHAR(500) NOT NULL,
    recorded_by VARCHAR(50) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    transaction_id BIGINT,
    CONSTRAINT pk_fund_refund PRIMARY KEY (id),
    CONSTRAINT fk_fund_refund_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_fund_refund_donation FOREIGN KEY (donation_id) REFERENCES fund_donation (id),
    CONSTRAINT ck_fund_refund_amount CHECK (amount_fen > 0)
);
CREATE INDEX ix_fund_refund_donation ON fund_refund (donation_id);
CREATE INDEX ix_fund_refund_community ON fund_refund (community_id, refunded_on);
