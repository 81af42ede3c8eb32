-- Capacity training and the participation ladder: courses with sessions, enrolments with attendance
-- and assessment (a pass issues a certification in the one certification table), the link from a
-- passed training to its first practice (the source of training points), residents' capacity
-- levels, and monthly ladder snapshots (only residents above the bottom rung are stored).

CREATE SEQUENCE course_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE training_session_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE enrolment_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE training_practice_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE ladder_snapshot_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE resident_capacity (
    resident_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    capacity_level INTEGER NOT NULL,
    reason VARCHAR(500),
    set_by VARCHAR(50) NOT NULL,
    set_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_resident_capacity PRIMARY KEY (resident_id),
    CONSTRAINT fk_capacity_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT fk_capacity_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT ck_capacity_level CHECK (capacity_level BETWEEN 1 AND 3)
);

CREATE TABLE course (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title VARCHAR(100) NOT NULL,
    syllabus VARCHAR(2000),
    target_group VARCHAR(20) NOT NULL,
    required_level INTEGER NOT NULL,
    pass_mark INTEGER NOT NULL,
    certification_code VARCHAR(40),
    certification_name VARCHAR(100),
    validity_months INTEGER NOT NULL,
    practice_kind VARCHAR(40),
    active BOOLEAN NOT NULL,
    created_by VARCHAR(50) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_course PRIMARY KEY (id),
    CONSTRAINT fk_course_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT ck_course_level CHECK (required_level BETWEEN 1 AND 3),
    CONSTRAINT ck_course_pass CHECK (pass_mark BETWEEN 0 AND 100)
);
CREATE INDEX ix_course_community ON course (community_id, active, title);

CREATE TABLE training_session (
    id BIGINT NOT NULL,
    course_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    place VARCHAR(100) NOT NULL,
    trainer VARCHAR(50) NOT NULL,
    places INTEGER NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_training_session PRIMARY KEY (id),
    CONSTRAINT fk_session_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT ck_session_places CHECK (places > 0)
);
CREATE INDEX ix_session_course ON training_session (course_id, starts_at);
CREATE INDEX ix_session_community ON training_session (community_id, starts_at);

CREATE TABLE enrolment (
    id BIGINT NOT NULL,
    session_id BIGINT NOT NULL,
    course_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    resident_id BIGINT,
    account_id BIGINT,
    trainee_name VARCHAR(50) NOT NULL,
    enrolled_at TIMESTAMP NOT NULL,
    enrolled_by VARCHAR(50) NOT NULL,
    attended BOOLEAN,
    attendance_by VARCHAR(50),
    passed BOOLEAN,
    score INTEGER,
    assessed_at TIMESTAMP,
    assessed_by VARCHAR(50),
    certification_id BIGINT,
    version INTEGER NOT NULL,
    CONSTRAINT pk_enrolment PRIMARY KEY (id),
    CONSTRAINT fk_enrolment_session FOREIGN KEY (session_id) REFERENCES training_session (id),
    CONSTRAINT fk_enrolment_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT fk_enrolment_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_enrolment_certification FOREIGN KEY (certification_id) REFERENCES certification (id),
    CONSTRAINT uq_enrolment_resident UNIQUE (session_id, resident_id),
    CONSTRAINT uq_enrolment_account UNIQUE (session_id, account_id),
    CONSTRAINT ck_enrolment_trainee CHECK (resident_id IS NOT NULL OR account_id IS NOT NULL),
    CONSTRAINT ck_enrolment_score CHECK (score IS NULL OR score BETWEEN 0 AND 100)
);
CREATE INDEX ix_enrolment_resident ON enrolment (resident_id, session_id);
CREATE INDEX ix_enrolment_account ON enrolment (account_id, session_id);
CREATE INDEX ix_enrolment_course ON enrolment (course_id, passed);

CREATE TABLE training_practice (
    id BIGINT NOT NULL,
    enrolment_id BIGINT NOT NULL,
    resident_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    practice_kind VARCHAR(40) NOT NULL,
    service_hours_id BIGINT NOT NULL,
    practised_at TIMESTAMP NOT NULL,
    linked_at TIMESTAMP NOT NULL,
    linked_by VARCHAR(50) NOT NULL,
    CONSTRAINT pk_training_practice PRIMARY KEY (id),
    CONSTRAINT fk_practice_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id),
    CONSTRAINT fk_practice_hours FOREIGN KEY (service_hours_id) REFERENCES service_hours (id),
    CONSTRAINT uq_practice_enrolment UNIQUE (enrolment_id)
);
CREATE INDEX ix_practice_community ON training_practice (community_id, linked_at);

CREATE TABLE ladder_snapshot (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    period_month DATE NOT NULL,
    resident_id BIGINT NOT NULL,
    rung VARCHAR(12) NOT NULL,
    participations INTEGER NOT NULL,
    proposals INTEGER NOT NULL,
    led INTEGER NOT NULL,
    computed_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_ladder_snapshot PRIMARY KEY (id),
    CONSTRAINT fk_ladder_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_ladder_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT uq_ladder_snapshot UNIQUE (community_id, period_month, resident_id)
);
CREATE INDEX ix_ladder_period ON ladder_snapshot (community_id, period_month, rung);
