-- In-service Party members reporting to their community (在职党员报到) and whistle calls
-- (社区吹哨、党员报到): a call posted by the Party secretary, answered by members, attendance
-- confirmed by the poster; a confirmed answer is a source of Party-member points.

CREATE SEQUENCE party_member_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE whistle_call_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE whistle_response_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE party_member (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    resident_id BIGINT NOT NULL,
    work_unit VARCHAR(100) NOT NULL,
    contact VARCHAR(50) NOT NULL,
    commitments VARCHAR(500) NOT NULL,
    reported_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_party_member PRIMARY KEY (id),
    CONSTRAINT uq_party_member_resident UNIQUE (community_id, resident_id),
    CONSTRAINT fk_party_member_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_party_member_resident FOREIGN KEY (resident_id) REFERENCES resident (id)
);

CREATE TABLE whistle_call (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title VARCHAR(200) NOT NULL,
    needed INTEGER NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    need_id BIGINT,
    posted_by VARCHAR(50) NOT NULL,
    posted_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_whistle_call PRIMARY KEY (id),
    CONSTRAINT ck_whistle_needed CHECK (needed > 0),
    CONSTRAINT fk_whistle_community FOREIGN KEY (community_id) REFERENCES community (id)
);
CREATE INDEX ix_whistle_community ON whistle_call (community_id, starts_at);

CREATE TABLE whistle_response (
    id BIGINT NOT NULL,
    call_id BIGINT NOT NULL,
    party_member_id BIGINT NOT NULL,
    responded_at TIMESTAMP NOT NULL,
    status VARCHAR(20) NOT NULL,
    decided_by VARCHAR(50),
    decided_at TIMESTAMP,
    version INTEGER NOT NULL,
    CONSTRAINT pk_whistle_response PRIMARY KEY (id),
    CONSTRAINT uq_whistle_response UNIQUE (call_id, party_member_id),
    CONSTRAINT fk_response_call FOREIGN KEY (call_id) REFERENCES whistle_call (id),
    CONSTRAINT fk_response_member FOREIGN KEY (party_member_id) REFERENCES party_member (id)
);
CREATE INDEX ix_response_status ON whistle_response (status, decided_at);
