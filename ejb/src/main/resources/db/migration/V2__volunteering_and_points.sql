-- Volunteers (positions, shifts, certifications, sign-ups, service hours) and the points ledger
-- (accounts, balanced transactions with a unique source, entries, rules, rewards, redemptions).

ALTER TABLE resident ADD COLUMN household_code VARCHAR(30);
CREATE INDEX ix_resident_household ON resident (household_code);

CREATE SEQUENCE volunteer_position_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE volunteer_shift_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE certification_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE shift_signup_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE service_hours_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE point_account_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE point_transaction_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE point_entry_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE reward_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE redemption_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE volunteer_position (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    position_type VARCHAR(30) NOT NULL,
    supervisor_id BIGINT NOT NULL,
    description VARCHAR(500),
    active BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_volunteer_position PRIMARY KEY (id),
    CONSTRAINT fk_position_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_position_supervisor FOREIGN KEY (supervisor_id) REFERENCES account (id)
);
CREATE INDEX ix_position_community ON volunteer_position (community_id, active);

CREATE TABLE position_certification (
    position_id BIGINT NOT NULL,
    certification_code VARCHAR(40) NOT NULL,
    CONSTRAINT pk_position_certification PRIMARY KEY (position_id, certification_code),
    CONSTRAINT fk_poscert_position FOREIGN KEY (position_id) REFERENCES volunteer_position (id)
);

CREATE TABLE volunteer_shift (
    id BIGINT NOT NULL,
    position_id BIGINT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    places INTEGER NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_volunteer_shift PRIMARY KEY (id),
    CONSTRAINT ck_shift_places CHECK (places > 0),
    CONSTRAINT fk_shift_position FOREIGN KEY (position_id) REFERENCES volunteer_position (id)
);
CREATE INDEX ix_shift_position ON volunteer_shift (position_id, starts_at);

CREATE TABLE certification (
    id BIGINT NOT NULL,
    resident_id BIGINT NOT NULL,
    certification_code VARCHAR(40) NOT NULL,
    name VARCHAR(100) NOT NULL,
    issued_by_kind VARCHAR(20) NOT NULL,
    issued_by VARCHAR(50) NOT NULL,
    source_id BIGINT,
    issued_on DATE NOT NULL,
    expires_on DATE NOT NULL,
    CONSTRAINT pk_certification PRIMARY KEY (id),
    CONSTRAINT fk_certification_resident FOREIGN KEY (resident_id) REFERENCES resident (id)
);
CREATE INDEX ix_certification_resident ON certification (resident_id, certification_code, expires_on);

CREATE TABLE shift_signup (
    id BIGINT NOT NULL,
    shift_id BIGINT NOT NULL,
    resident_id BIGINT NOT NULL,
    signed_up_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_shift_signup PRIMARY KEY (id),
    CONSTRAINT uq_shift_signup UNIQUE (shift_id, resident_id),
    CONSTRAINT fk_signup_shift FOREIGN KEY (shift_id) REFERENCES volunteer_shift (id),
    CONSTRAINT fk_signup_resident FOREIGN KEY (resident_id) REFERENCES resident (id)
);

CREATE TABLE service_hours (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    position_id BIGINT NOT NULL,
    shift_id BIGINT,
    resident_id BIGINT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    ended_at TIMESTAMP NOT NULL,
    minutes INTEGER NOT NULL,
    description VARCHAR(500) NOT NULL,
    recorded_by VARCHAR(50) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    status VARCHAR(20) NOT NULL,
    first_verifier VARCHAR(50),
    second_verifier VARCHAR(50),
    verified_at TIMESTAMP,
    rejection_reason VARCHAR(500),
    reverses_id BIGINT,
    reversal_reason VARCHAR(500),
    version INTEGER NOT NULL,
    CONSTRAINT pk_service_hours PRIMARY KEY (id),
    CONSTRAINT fk_hours_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_hours_position FOREIGN KEY (position_id) REFERENCES volunteer_position (id),
    CONSTRAINT fk_hours_shift FOREIGN KEY (shift_id) REFERENCES volunteer_shift (id),
    CONSTRAINT fk_hours_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT fk_hours_reverses FOREIGN KEY (reverses_id) REFERENCES service_hours (id)
);
-- The supervisor's queue (community, status, time) and the settlement's read (status, verified_at).
CREATE INDEX ix_hours_queue ON service_hours (community_id, status, started_at);
CREATE INDEX ix_hours_resident ON service_hours (resident_id, started_at);
CREATE INDEX ix_hours_settle ON service_hours (status, verified_at);

CREATE TABLE point_account (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    account_kind VARCHAR(20) NOT NULL,
    resident_id BIGINT,
    owner_key VARCHAR(60) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_point_account PRIMARY KEY (id),
    CONSTRAINT uq_point_account_owner UNIQUE (owner_key),
    CONSTRAINT fk_point_account_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_point_account_resident FOREIGN KEY (resident_id) REFERENCES resident (id)
);
CREATE INDEX ix_point_account_resident ON point_account (resident_id);

-- One transaction per source record, enforced here: whatever retries or restarts happen, a source
-- is booked once.
CREATE TABLE point_transaction (
    id BIGINT NOT NULL,
    source_type VARCHAR(30) NOT NULL,
    source_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    memo VARCHAR(200),
    CONSTRAINT pk_point_transaction PRIMARY KEY (id),
    CONSTRAINT uq_point_transaction_source UNIQUE (source_type, source_id),
    CONSTRAINT fk_point_tx_community FOREIGN KEY (community_id) REFERENCES community (id)
);

CREATE TABLE point_entry (
    id BIGINT NOT NULL,
    transaction_id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_on DATE,
    CONSTRAINT pk_point_entry PRIMARY KEY (id),
    CONSTRAINT fk_point_entry_tx FOREIGN KEY (transaction_id) REFERENCES point_transaction (id),
    CONSTRAINT fk_point_entry_account FOREIGN KEY (account_id) REFERENCES point_account (id)
);
CREATE INDEX ix_point_entry_account ON point_entry (account_id, created_at);
CREATE INDEX ix_point_entry_tx ON point_entry (transaction_id);

CREATE TABLE point_rule (
    rule_code VARCHAR(40) NOT NULL,
    points BIGINT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_point_rule PRIMARY KEY (rule_code)
);
INSERT INTO point_rule (rule_code, points, version) VALUES ('HOUR.DEFAULT', 10, 0);
INSERT INTO point_rule (rule_code, points, version) VALUES ('HOUR.ELDERLY_VISITING', 12, 0);
INSERT INTO point_rule (rule_code, points, version) VALUES ('TRAINING_PRACTISED', 20, 0);
INSERT INTO point_rule (rule_code, points, version) VALUES ('DELIBERATION_ATTENDANCE', 5, 0);
INSERT INTO point_rule (rule_code, points, version) VALUES ('PARTY_SERVICE', 10, 0);
INSERT INTO point_rule (rule_code, points, version) VALUES ('EXPIRY_MONTHS', 24, 0);
INSERT INTO point_rule (rule_code, points, version) VALUES ('SECOND_APPROVAL_MINUTES', 480, 0);

CREATE TABLE reward (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    reward_kind VARCHAR(20) NOT NULL,
    cost BIGINT NOT NULL,
    stock INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_reward PRIMARY KEY (id),
    CONSTRAINT ck_reward_cost CHECK (cost > 0),
    CONSTRAINT ck_reward_stock CHECK (stock >= 0),
    CONSTRAINT fk_reward_community FOREIGN KEY (community_id) REFERENCES community (id)
);
CREATE INDEX ix_reward_community ON reward (community_id, active);

CREATE TABLE redemption (
    id BIGINT NOT NULL,
    reward_id BIGINT NOT NULL,
    point_account_id BIGINT NOT NULL,
    cost BIGINT NOT NULL,
    status VARCHAR(20) NOT NULL,
    redeemed_at TIMESTAMP NOT NULL,
    redeemed_by VARCHAR(50) NOT NULL,
    cancelled_at TIMESTAMP,
    cancel_reason VARCHAR(500),
    version INTEGER NOT NULL,
    CONSTRAINT pk_redemption PRIMARY KEY (id),
    CONSTRAINT fk_redemption_reward FOREIGN KEY (reward_id) REFERENCES reward (id),
    CONSTRAINT fk_redemption_account FOREIGN KEY (point_account_id) REFERENCES point_account (id)
);
CREATE INDEX ix_redemption_account ON redemption (point_account_id, redeemed_at);
