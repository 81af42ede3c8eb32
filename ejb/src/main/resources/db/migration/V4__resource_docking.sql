-- Resource docking zone: needs and their loop (assessment, matches as docking actions, feedback,
-- closure), the five-sphere resource ledger, the participation opportunity list with rotation,
-- activities with attendance, the station's service list with residents' votes, the inspection log.

CREATE SEQUENCE need_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE need_event_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE resource_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE docking_action_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE opportunity_list_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE opportunity_item_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE opportunity_application_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE activity_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE activity_attendance_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE service_item_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE service_vote_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE inspection_seq AS BIGINT START WITH 50 INCREMENT BY 50;

-- The bureau's list of need categories; resources name the category they serve.
CREATE TABLE need_category (
    code VARCHAR(30) NOT NULL,
    name_zh VARCHAR(50) NOT NULL,
    name_en VARCHAR(50) NOT NULL,
    sort_order INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_need_category PRIMARY KEY (code)
);
INSERT INTO need_category (code, name_zh, name_en, sort_order, active, version) VALUES
    ('ELDERLY_CARE', '养老助老', 'Elderly care', 10, TRUE, 0),
    ('CHILDREN', '儿童关爱', 'Children', 20, TRUE, 0),
    ('DISABILITY', '助残服务', 'Disability', 30, TRUE, 0),
    ('HARDSHIP_RELIEF', '困难帮扶', 'Hardship relief', 40, TRUE, 0),
    ('HEALTH', '健康服务', 'Health', 50, TRUE, 0),
    ('ENVIRONMENT', '环境整治', 'Environment', 60, TRUE, 0),
    ('SAFETY', '平安建设', 'Safety', 70, TRUE, 0),
    ('CULTURE', '文化活动', 'Culture', 80, TRUE, 0),
    ('EMPLOYMENT', '就业服务', 'Employment', 90, TRUE, 0),
    ('OTHER', '其他', 'Other', 100, TRUE, 0);

CREATE TABLE need (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_cell_id BIGINT NOT NULL,
    resident_id BIGINT,
    category_code VARCHAR(30) NOT NULL,
    urgency VARCHAR(10) NOT NULL,
    need_source VARCHAR(20) NOT NULL,
    title VARCHAR(100) NOT NULL,
    description VARCHAR(2000),
    status VARCHAR(20) NOT NULL,
    registered_at TIMESTAMP NOT NULL,
    registered_by VARCHAR(50) NOT NULL,
    assessed_at TIMESTAMP,
    assessed_by VARCHAR(50),
    findings VARCHAR(2000),
    priority INTEGER,
    feedback VARCHAR(2000),
    feedback_at TIMESTAMP,
    closed_at TIMESTAMP,
    closed_by VARCHAR(50),
    satisfaction INTEGER,
    closure_comment VARCHAR(1000),
    rated_by VARCHAR(50),
    reopen_count INTEGER NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_need PRIMARY KEY (id),
    CONSTRAINT fk_need_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_need_grid_cell FOREIGN KEY (grid_cell_id) REFERENCES grid_cell (id),
    CONSTRAINT fk_need_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT fk_need_category FOREIGN KEY (category_code) REFERENCES need_category (code),
    CONSTRAINT ck_need_satisfaction CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5)
);
-- The needs board pages a community's needs newest first, optionally by status.
CREATE INDEX ix_need_community_registered ON need (community_id, registered_at, id);
CREATE INDEX ix_need_community_status ON need (community_id, status, registered_at, id);
CREATE INDEX ix_need_grid_registered ON need (grid_cell_id, registered_at, id);
CREATE INDEX ix_need_resident ON need (resident_id);

CREATE TABLE need_event (
    id BIGINT NOT NULL,
    need_id BIGINT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    actor VARCHAR(50) NOT NULL,
    from_status VARCHAR(20),
    to_status VARCHAR(20) NOT NULL,
    note VARCHAR(1000),
    CONSTRAINT pk_need_event PRIMARY KEY (id),
    CONSTRAINT fk_need_event_need FOREIGN KEY (need_id) REFERENCES need (id)
);
CREATE INDEX ix_need_event_need ON need_event (need_id, occurred_at);

-- The five-sphere ledger. reserved never exceeds capacity: the database refuses overbooking too.
CREATE TABLE resource (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    grid_cell_id BIGINT,
    sphere VARCHAR(20) NOT NULL,
    resource_type VARCHAR(10) NOT NULL,
    category_code VARCHAR(30),
    name VARCHAR(100) NOT NULL,
    description VARCHAR(1000),
    provider_actor_id BIGINT,
    provider_resident_id BIGINT,
    provider_name VARCHAR(100) NOT NULL,
    provider_key VARCHAR(60) NOT NULL,
    capacity INTEGER NOT NULL,
    reserved INTEGER NOT NULL,
    unit VARCHAR(20),
    available_from DATE NOT NULL,
    available_until DATE,
    status VARCHAR(12) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_resource PRIMARY KEY (id),
    CONSTRAINT fk_resource_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_resource_grid_cell FOREIGN KEY (grid_cell_id) REFERENCES grid_cell (id),
    CONSTRAINT fk_resource_actor FOREIGN KEY (provider_actor_id) REFERENCES actor (id),
    CONSTRAINT fk_resource_resident FOREIGN KEY (provider_resident_id) REFERENCES resident (id),
    CONSTRAINT fk_resource_category FOREIGN KEY (category_code) REFERENCES need_category (code),
    CONSTRAINT ck_resource_capacity CHECK (capacity > 0 AND reserved >= 0 AND reserved <= capacity)
);
CREATE INDEX ix_resource_community ON resource (community_id, status, category_code);
CREATE INDEX ix_resource_provider ON resource (provider_key);

CREATE TABLE docking_action (
    id BIGINT NOT NULL,
    need_id BIGINT NOT NULL,
    resource_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    quantity INTEGER NOT NULL,
    owner_username VARCHAR(50) NOT NULL,
    due_on DATE NOT NULL,
    status VARCHAR(12) NOT NULL,
    provider_key VARCHAR(60) NOT NULL,
    match_score INTEGER NOT NULL,
    match_reason VARCHAR(500),
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR(50) NOT NULL,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    outcome VARCHAR(1000),
    version INTEGER NOT NULL,
    CONSTRAINT pk_docking_action PRIMARY KEY (id),
    CONSTRAINT fk_action_need FOREIGN KEY (need_id) REFERENCES need (id),
    CONSTRAINT fk_action_resource FOREIGN KEY (resource_id) REFERENCES resource (id),
    CONSTRAINT fk_action_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT ck_action_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_action_need ON docking_action (need_id);
CREATE INDEX ix_action_community_due ON docking_action (community_id, status, due_on);
CREATE INDEX ix_action_provider ON docking_action (provider_key, status);
CREATE INDEX ix_action_resource ON docking_action (resource_id, status);

CREATE TABLE docking_action_participant (
    action_id BIGINT NOT NULL,
    participant VARCHAR(100) NOT NULL,
    CONSTRAINT pk_action_participant PRIMARY KEY (action_id, participant),
    CONSTRAINT fk_action_participant_action FOREIGN KEY (action_id) REFERENCES docking_action (id)
);

CREATE TABLE opportunity_list (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    list_year INTEGER NOT NULL,
    status VARCHAR(12) NOT NULL,
    published_at TIMESTAMP,
    published_by VARCHAR(50),
    version INTEGER NOT NULL,
    CONSTRAINT pk_opportunity_list PRIMARY KEY (id),
    CONSTRAINT uq_opportunity_list_year UNIQUE (community_id, list_year),
    CONSTRAINT fk_opportunity_list_community FOREIGN KEY (community_id) REFERENCES community (id)
);

CREATE TABLE opportunity_item (
    id BIGINT NOT NULL,
    list_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    affair VARCHAR(200) NOT NULL,
    issue_nature VARCHAR(20) NOT NULL,
    places INTEGER NOT NULL,
    period_from DATE NOT NULL,
    period_until DATE NOT NULL,
    description VARCHAR(1000),
    version INTEGER NOT NULL,
    CONSTRAINT pk_opportunity_item PRIMARY KEY (id),
    CONSTRAINT fk_opportunity_item_list FOREIGN KEY (list_id) REFERENCES opportunity_list (id),
    CONSTRAINT ck_opportunity_item_places CHECK (places > 0)
);
CREATE INDEX ix_opportunity_item_list ON opportunity_item (list_id);

CREATE TABLE opportunity_item_actor_type (
    item_id BIGINT NOT NULL,
    actor_type VARCHAR(30) NOT NULL,
    CONSTRAINT pk_opportunity_item_actor_type PRIMARY KEY (item_id, actor_type),
    CONSTRAINT fk_oiat_item FOREIGN KEY (item_id) REFERENCES opportunity_item (id)
);

CREATE TABLE opportunity_application (
    id BIGINT NOT NULL,
    item_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    resident_id BIGINT,
    actor_id BIGINT,
    applicant_name VARCHAR(100) NOT NULL,
    applied_at TIMESTAMP NOT NULL,
    status VARCHAR(15) NOT NULL,
    decided_at TIMESTAMP,
    decided_by VARCHAR(50),
    rotation_position INTEGER,
    override_reason VARCHAR(500),
    version INTEGER NOT NULL,
    CONSTRAINT pk_opportunity_application PRIMARY KEY (id),
    CONSTRAINT fk_application_item FOREIGN KEY (item_id) REFERENCES opportunity_item (id),
    CONSTRAINT fk_application_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT fk_application_actor FOREIGN KEY (actor_id) REFERENCES actor (id),
    CONSTRAINT uq_application_resident UNIQUE (item_id, resident_id),
    CONSTRAINT uq_application_actor UNIQUE (item_id, actor_id),
    CONSTRAINT ck_application_applicant CHECK (resident_id IS NOT NULL OR actor_id IS NOT NULL)
);
CREATE INDEX ix_application_item ON opportunity_application (item_id, status);

-- Per community: rank last whoever attended at least threshold of the last window activities.
CREATE TABLE rotation_setting (
    community_id BIGINT NOT NULL,
    window_size INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_rotation_setting PRIMARY KEY (community_id),
    CONSTRAINT fk_rotation_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT ck_rotation_values CHECK (window_size BETWEEN 1 AND 100 AND threshold BETWEEN 1 AND window_size)
);

CREATE TABLE activity (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title VARCHAR(200) NOT NULL,
    held_on DATE NOT NULL,
    item_id BIGINT,
    need_id BIGINT,
    recorded_by VARCHAR(50) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_activity PRIMARY KEY (id),
    CONSTRAINT fk_activity_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_activity_item FOREIGN KEY (item_id) REFERENCES opportunity_item (id),
    CONSTRAINT fk_activity_need FOREIGN KEY (need_id) REFERENCES need (id)
);
CREATE INDEX ix_activity_community_held ON activity (community_id, held_on, id);

CREATE TABLE activity_attendance (
    id BIGINT NOT NULL,
    activity_id BIGINT NOT NULL,
    resident_id BIGINT,
    actor_id BIGINT,
    attendee_name VARCHAR(100) NOT NULL,
    CONSTRAINT pk_activity_attendance PRIMARY KEY (id),
    CONSTRAINT fk_attendance_activity FOREIGN KEY (activity_id) REFERENCES activity (id),
    CONSTRAINT fk_attendance_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT fk_attendance_actor FOREIGN KEY (actor_id) REFERENCES actor (id),
    CONSTRAINT uq_attendance_resident UNIQUE (activity_id, resident_id),
    CONSTRAINT uq_attendance_actor UNIQUE (activity_id, actor_id),
    CONSTRAINT ck_attendance_attendee CHECK (resident_id IS NOT NULL OR actor_id IS NOT NULL)
);
CREATE INDEX ix_attendance_resident ON activity_attendance (resident_id, activity_id);
CREATE INDEX ix_attendance_actor ON activity_attendance (actor_id, activity_id);

CREATE TABLE service_item (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    service_year INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    description VARCHAR(1000),
    need_id BIGINT,
    status VARCHAR(12) NOT NULL,
    completion_note VARCHAR(1000),
    completed_at TIMESTAMP,
    version INTEGER NOT NULL,
    CONSTRAINT pk_service_item PRIMARY KEY (id),
    CONSTRAINT fk_service_item_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_service_item_need FOREIGN KEY (need_id) REFERENCES need (id)
);
CREATE INDEX ix_service_item_community ON service_item (community_id, service_year);

-- Reverse supervision: one vote per resident per service, enforced here.
CREATE TABLE service_vote (
    id BIGINT NOT NULL,
    service_id BIGINT NOT NULL,
    resident_id BIGINT NOT NULL,
    score INTEGER NOT NULL,
    comment_text VARCHAR(500),
    voted_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_service_vote PRIMARY KEY (id),
    CONSTRAINT fk_service_vote_service FOREIGN KEY (service_id) REFERENCES service_item (id),
    CONSTRAINT fk_service_vote_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT uq_service_vote UNIQUE (service_id, resident_id),
    CONSTRAINT ck_service_vote_score CHECK (score BETWEEN 1 AND 5)
);

CREATE TABLE inspection (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    inspected_on DATE NOT NULL,
    inspecting_body VARCHAR(100) NOT NULL,
    purpose VARCHAR(500) NOT NULL,
    staff_hours DECIMAL(7,1) NOT NULL,
    materials VARCHAR(1000),
    material_count INTEGER NOT NULL,
    recorded_by VARCHAR(50) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_inspection PRIMARY KEY (id),
    CONSTRAINT fk_inspection_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT ck_inspection_hours CHECK (staff_hours >= 0 AND material_count >= 0)
);
CREATE INDEX ix_inspection_community ON inspection (community_id, inspected_on);
