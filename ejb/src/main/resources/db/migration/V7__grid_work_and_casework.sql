-- Social worker + grid worker: patrols (a social worker may join one), grid records (information
-- collected, policy publicity, simple mediation), referrals from grid workers to social workers with
-- their events (never deleted), the deadlines per risk level and the stubborn period (city default
-- row with community_id NULL, optional row per community), cases with their stage entries,
-- the departments a joint meeting may invite, joint meetings with their invited departments and the
-- tasks of the adopted plan.

CREATE SEQUENCE casework_setting_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE patrol_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE grid_record_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE referral_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE referral_event_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE social_case_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE case_entry_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE joint_meeting_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE meeting_task_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE casework_setting (
    id BIGINT NOT NULL,
    community_id BIGINT,
    high_risk_hours INTEGER NOT NULL,
    medium_risk_hours INTEGER NOT NULL,
    low_risk_hours INTEGER NOT NULL,
    stubborn_after_days INTEGER NOT NULL,
    updated_by VARCHAR(50) NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_casework_setting PRIMARY KEY (id),
    CONSTRAINT fk_casework_setting_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT uq_casework_setting_community UNIQUE (community_id),
    CONSTRAINT ck_casework_setting_hours CHECK (high_risk_hours > 0 AND medium_risk_hours > 0 AND low_risk_hours > 0),
    CONSTRAINT ck_casework_setting_days CHECK (stubborn_after_days > 0)
);
INSERT INTO casework_setting (id, community_id, high_risk_hours, medium_risk_hours, low_risk_hours,
    stubborn_after_days, updated_by, updated_at, version) VALUES (0, NULL, 24, 72, 72, 180, 'system', CURRENT_TIMESTAMP, 0);

CREATE TABLE patrol (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_cell_id BIGINT NOT NULL,
    grid_worker_id BIGINT NOT NULL,
    grid_worker VARCHAR(50) NOT NULL,
    started_at TIMESTAMP NOT NULL,
    ended_at TIMESTAMP NOT NULL,
    households_visited INTEGER NOT NULL,
    findings VARCHAR(2000),
    social_worker_id BIGINT,
    social_worker VARCHAR(50),
    joined_at TIMESTAMP,
    recorded_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_patrol PRIMARY KEY (id),
    CONSTRAINT fk_patrol_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_patrol_grid FOREIGN KEY (grid_cell_id) REFERENCES grid_cell (id),
    CONSTRAINT fk_patrol_grid_worker FOREIGN KEY (grid_worker_id) REFERENCES account (id),
    CONSTRAINT fk_patrol_social_worker FOREIGN KEY (social_worker_id) REFERENCES account (id),
    CONSTRAINT ck_patrol_households CHECK (households_visited >= 0)
);
CREATE INDEX ix_patrol_community ON patrol (community_id, started_at);
CREATE INDEX ix_patrol_grid ON patrol (grid_cell_id, started_at);
CREATE INDEX ix_patrol_grid_worker ON patrol (grid_worker_id, started_at);
CREATE INDEX ix_patrol_social_worker ON patrol (social_worker_id, started_at);

CREATE TABLE grid_record (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_cell_id BIGINT NOT NULL,
    patrol_id BIGINT,
    record_kind VARCHAR(20) NOT NULL,
    resident_id BIGINT,
    tag_added VARCHAR(30),
    tag_removed VARCHAR(30),
    topic VARCHAR(200) NOT NULL,
    parties VARCHAR(500),
    outcome VARCHAR(1000),
    audience INTEGER,
    recorded_by VARCHAR(50) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_grid_record PRIMARY KEY (id),
    CONSTRAINT fk_grid_record_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_grid_record_grid FOREIGN KEY (grid_cell_id) REFERENCES grid_cell (id),
    CONSTRAINT fk_grid_record_patrol FOREIGN KEY (patrol_id) REFERENCES patrol (id),
    CONSTRAINT fk_grid_record_resident FOREIGN KEY (resident_id) REFERENCES resident (id)
);
CREATE INDEX ix_grid_record_community ON grid_record (community_id, recorded_at);
CREATE INDEX ix_grid_record_grid ON grid_record (grid_cell_id, recorded_at);
CREATE INDEX ix_grid_record_patrol ON grid_record (patrol_id);
CREATE INDEX ix_grid_record_resident ON grid_record (resident_id);

CREATE TABLE referral (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_cell_id BIGINT NOT NULL,
    resident_id BIGINT NOT NULL,
    referred_by_id BIGINT NOT NULL,
    referred_by VARCHAR(50) NOT NULL,
    social_worker_id BIGINT NOT NULL,
    social_worker VARCHAR(50) NOT NULL,
    owner VARCHAR(50) NOT NULL,
    status VARCHAR(20) NOT NULL,
    risk_level VARCHAR(10) NOT NULL,
    what_happened VARCHAR(2000) NOT NULL,
    evidence VARCHAR(2000),
    already_tried VARCHAR(2000),
    referred_at TIMESTAMP NOT NULL,
    due_at TIMESTAMP NOT NULL,
    handled_at TIMESTAMP,
    handled_in_time SMALLINT,
    escalated_at TIMESTAMP,
    return_count INTEGER NOT NULL,
    return_reason VARCHAR(1000),
    case_id BIGINT,
    version INTEGER NOT NULL,
    CONSTRAINT pk_referral PRIMARY KEY (id),
    CONSTRAINT fk_referral_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_referral_grid FOREIGN KEY (grid_cell_id) REFERENCES grid_cell (id),
    CONSTRAINT fk_referral_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT fk_referral_referred_by FOREIGN KEY (referred_by_id) REFERENCES account (id),
    CONSTRAINT fk_referral_social_worker FOREIGN KEY (social_worker_id) REFERENCES account (id)
);
CREATE INDEX ix_referral_community ON referral (community_id, status, due_at);
CREATE INDEX ix_referral_status_due ON referral (status, due_at);
CREATE INDEX ix_referral_social_worker ON referral (social_worker_id, referred_at);
CREATE INDEX ix_referral_referred_by ON referral (referred_by_id, referred_at);
CREATE INDEX ix_referral_owner ON referral (owner, status);
CREATE INDEX ix_referral_resident ON referral (resident_id);

CREATE TABLE referral_event (
    id BIGINT NOT NULL,
    referral_id BIGINT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    actor VARCHAR(50) NOT NULL,
    from_status VARCHAR(20),
    to_status VARCHAR(20) NOT NULL,
    owner VARCHAR(50) NOT NULL,
    note VARCHAR(1000),
    CONSTRAINT pk_referral_event PRIMARY KEY (id),
    CONSTRAINT fk_referral_event_referral FOREIGN KEY (referral_id) REFERENCES referral (id)
);
CREATE INDEX ix_referral_event_referral ON referral_event (referral_id, occurred_at);

CREATE TABLE social_case (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_cell_id BIGINT NOT NULL,
    resident_id BIGINT NOT NULL,
    social_worker_id BIGINT NOT NULL,
    social_worker VARCHAR(50) NOT NULL,
    referral_id BIGINT,
    title VARCHAR(200) NOT NULL,
    stage VARCHAR(20) NOT NULL,
    outcome VARCHAR(20),
    opened_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP,
    stubborn SMALLINT NOT NULL,
    stubborn_at TIMESTAMP,
    stubborn_by VARCHAR(50),
    stubborn_reason VARCHAR(1000),
    version INTEGER NOT NULL,
    CONSTRAINT pk_social_case PRIMARY KEY (id),
    CONSTRAINT fk_case_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_case_grid FOREIGN KEY (grid_cell_id) REFERENCES grid_cell (id),
    CONSTRAINT fk_case_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT fk_case_social_worker FOREIGN KEY (social_worker_id) REFERENCES account (id),
    CONSTRAINT fk_case_referral FOREIGN KEY (referral_id) REFERENCES referral (id)
);
CREATE INDEX ix_case_community ON social_case (community_id, stage, stubborn);
CREATE INDEX ix_case_open_since ON social_case (stage, stubborn, opened_at);
CREATE INDEX ix_case_social_worker ON social_case (social_worker_id, stage);
CREATE INDEX ix_case_referral ON social_case (referral_id);
CREATE INDEX ix_case_grid ON social_case (grid_cell_id);

CREATE TABLE case_entry (
    id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    stage VARCHAR(20) NOT NULL,
    entry_kind VARCHAR(20) NOT NULL,
    body VARCHAR(4000),
    recorded_by VARCHAR(50) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_case_entry PRIMARY KEY (id),
    CONSTRAINT fk_case_entry_case FOREIGN KEY (case_id) REFERENCES social_case (id)
);
CREATE INDEX ix_case_entry_case ON case_entry (case_id, recorded_at);

CREATE TABLE joint_department (
    code VARCHAR(30) NOT NULL,
    name_zh VARCHAR(50) NOT NULL,
    name_en VARCHAR(50) NOT NULL,
    sort_order INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_joint_department PRIMARY KEY (code)
);
INSERT INTO joint_department (code, name_zh, name_en, sort_order, active, version) VALUES
    ('PUBLIC_SECURITY', '公安派出所', 'Public security', 10, TRUE, 0),
    ('HEALTH', '卫生健康', 'Health', 20, TRUE, 0),
    ('CIVIL_AFFAIRS', '民政', 'Civil affairs', 30, TRUE, 0),
    ('JUDICIAL', '司法所', 'Judicial office', 40, TRUE, 0);

CREATE TABLE joint_meeting (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    case_id BIGINT NOT NULL,
    convened_by VARCHAR(50) NOT NULL,
    convened_at TIMESTAMP NOT NULL,
    scheduled_at TIMESTAMP NOT NULL,
    place VARCHAR(100) NOT NULL,
    topic VARCHAR(200) NOT NULL,
    departments VARCHAR(400) NOT NULL,
    shared_fields VARCHAR(100),
    analysis_report VARCHAR(4000),
    analysis_by VARCHAR(50),
    monitoring_info VARCHAR(4000),
    monitoring_by VARCHAR(50),
    status VARCHAR(20) NOT NULL,
    plan_adopted_at TIMESTAMP,
    closed_at TIMESTAMP,
    version INTEGER NOT NULL,
    CONSTRAINT pk_joint_meeting PRIMARY KEY (id),
    CONSTRAINT fk_joint_meeting_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_meeting_case FOREIGN KEY (case_id) REFERENCES social_case (id)
);
CREATE INDEX ix_joint_meeting_community ON joint_meeting (community_id, status, scheduled_at);
CREATE INDEX ix_meeting_case ON joint_meeting (case_id);

CREATE TABLE meeting_task (
    id BIGINT NOT NULL,
    meeting_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    department_code VARCHAR(30) NOT NULL,
    description VARCHAR(1000) NOT NULL,
    due_on DATE NOT NULL,
    status VARCHAR(20) NOT NULL,
    done_at TIMESTAMP,
    done_by VARCHAR(50),
    done_note VARCHAR(1000),
    version INTEGER NOT NULL,
    CONSTRAINT pk_meeting_task PRIMARY KEY (id),
    CONSTRAINT fk_task_meeting FOREIGN KEY (meeting_id) REFERENCES joint_meeting (id),
    CONSTRAINT fk_task_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_task_department FOREIGN KEY (department_code) REFERENCES joint_department (code)
);
CREATE INDEX ix_task_meeting ON meeting_task (meeting_id);
CREATE INDEX ix_task_community_due ON meeting_task (community_id, status, due_on);
