-- Wushe core schema: geography, residents, concentric-circle actors, accounts, audit log.
-- Plain SQL that Derby 10.15+ and PostgreSQL 15 both accept; ids come from sequences that
-- hand out blocks of 50 (the JPA allocation size).

CREATE SEQUENCE sub_district_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE community_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE grid_cell_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE resident_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE resident_change_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE actor_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE account_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_entry_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE sub_district (
    id BIGINT NOT NULL,
    code VARCHAR(20) NOT NULL,
    name VARCHAR(100) NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_sub_district PRIMARY KEY (id),
    CONSTRAINT uq_sub_district_code UNIQUE (code)
);

CREATE TABLE community (
    id BIGINT NOT NULL,
    code VARCHAR(20) NOT NULL,
    name VARCHAR(100) NOT NULL,
    sub_district_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_community PRIMARY KEY (id),
    CONSTRAINT uq_community_code UNIQUE (code),
    CONSTRAINT fk_community_sub_district FOREIGN KEY (sub_district_id) REFERENCES sub_district (id)
);
CREATE INDEX ix_community_sub_district ON community (sub_district_id);

CREATE TABLE grid_cell (
    id BIGINT NOT NULL,
    code VARCHAR(30) NOT NULL,
    name VARCHAR(100) NOT NULL,
    community_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_grid_cell PRIMARY KEY (id),
    CONSTRAINT uq_grid_cell_code UNIQUE (code),
    CONSTRAINT fk_grid_cell_community FOREIGN KEY (community_id) REFERENCES community (id)
);
CREATE INDEX ix_grid_cell_community ON grid_cell (community_id);

CREATE TABLE resident (
    id BIGINT NOT NULL,
    id_number VARCHAR(18) NOT NULL,
    name VARCHAR(50) NOT NULL,
    gender CHAR(1) NOT NULL,
    birth_date DATE NOT NULL,
    phone VARCHAR(11),
    address VARCHAR(200),
    community_id BIGINT NOT NULL,
    grid_cell_id BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_resident PRIMARY KEY (id),
    CONSTRAINT uq_resident_id_number UNIQUE (id_number),
    CONSTRAINT ck_resident_gender CHECK (gender IN ('M', 'F')),
    CONSTRAINT fk_resident_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_resident_grid_cell FOREIGN KEY (grid_cell_id) REFERENCES grid_cell (id)
);
-- The residents list pages by name within a community or a grid cell.
CREATE INDEX ix_resident_community_name ON resident (community_id, name, id);
CREATE INDEX ix_resident_grid_name ON resident (grid_cell_id, name, id);

CREATE TABLE resident_tag (
    resident_id BIGINT NOT NULL,
    tag_code VARCHAR(30) NOT NULL,
    CONSTRAINT pk_resident_tag PRIMARY KEY (resident_id, tag_code),
    CONSTRAINT fk_resident_tag_resident FOREIGN KEY (resident_id) REFERENCES resident (id)
);
CREATE INDEX ix_resident_tag_tag ON resident_tag (tag_code, resident_id);

CREATE TABLE resident_change (
    id BIGINT NOT NULL,
    resident_id BIGINT NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    changed_by VARCHAR(50) NOT NULL,
    field_name VARCHAR(30) NOT NULL,
    old_value VARCHAR(400),
    new_value VARCHAR(400),
    CONSTRAINT pk_resident_change PRIMARY KEY (id),
    CONSTRAINT fk_resident_change_resident FOREIGN KEY (resident_id) REFERENCES resident (id)
);
CREATE INDEX ix_resident_change_resident ON resident_change (resident_id, changed_at);

CREATE TABLE actor (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    actor_type VARCHAR(30) NOT NULL,
    contact_name VARCHAR(50),
    resident_id BIGINT,
    version INTEGER NOT NULL,
    CONSTRAINT pk_actor PRIMARY KEY (id),
    CONSTRAINT fk_actor_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_actor_resident FOREIGN KEY (resident_id) REFERENCES resident (id)
);
CREATE INDEX ix_actor_community ON actor (community_id, actor_type);

CREATE TABLE account (
    id BIGINT NOT NULL,
    username VARCHAR(50) NOT NULL,
    password_hash VARCHAR(300) NOT NULL,
    display_name VARCHAR(100) NOT NULL,
    account_role VARCHAR(30) NOT NULL,
    community_id BIGINT,
    supervisor_id BIGINT,
    resident_id BIGINT,
    failed_sign_ins INTEGER NOT NULL,
    locked_until TIMESTAMP,
    enabled BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uq_account_username UNIQUE (username),
    CONSTRAINT fk_account_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_account_supervisor FOREIGN KEY (supervisor_id) REFERENCES account (id),
    CONSTRAINT fk_account_resident FOREIGN KEY (resident_id) REFERENCES resident (id)
);
CREATE INDEX ix_account_community ON account (community_id, account_role);

CREATE TABLE account_sub_district (
    account_id BIGINT NOT NULL,
    sub_district_id BIGINT NOT NULL,
    CONSTRAINT pk_account_sub_district PRIMARY KEY (account_id, sub_district_id),
    CONSTRAINT fk_asd_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_asd_sub_district FOREIGN KEY (sub_district_id) REFERENCES sub_district (id)
);

CREATE TABLE account_grid_cell (
    account_id BIGINT NOT NULL,
    grid_cell_id BIGINT NOT NULL,
    CONSTRAINT pk_account_grid_cell PRIMARY KEY (account_id, grid_cell_id),
    CONSTRAINT fk_agc_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_agc_grid_cell FOREIGN KEY (grid_cell_id) REFERENCES grid_cell (id)
);

-- Append-only: the application has no update or delete for this table.
CREATE TABLE audit_entry (
    id BIGINT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    actor VARCHAR(50) NOT NULL,
    actor_role VARCHAR(30),
    audit_action VARCHAR(30) NOT NULL,
    community_id BIGINT,
    record_type VARCHAR(30) NOT NULL,
    record_id BIGINT,
    field_names VARCHAR(200),
    purpose VARCHAR(500),
    client_address VARCHAR(64),
    detail VARCHAR(1000),
    CONSTRAINT pk_audit_entry PRIMARY KEY (id)
);
CREATE INDEX ix_audit_occurred ON audit_entry (occurred_at);
CREATE INDEX ix_audit_actor ON audit_entry (actor, occurred_at);
CREATE INDEX ix_audit_record ON audit_entry (record_type, record_id);
