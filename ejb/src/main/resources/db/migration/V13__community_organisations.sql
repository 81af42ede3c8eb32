-- Community organisations (社区社会组织): register, members, activities, funding per year,
-- recognition, the maturity tier's thresholds and the support checklist per tier.
-- The formula of the tier is in docs/organisations.md.

CREATE SEQUENCE community_org_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE org_member_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE org_activity_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE org_funding_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE org_recognition_seq AS BIGINT START WITH 50 INCREMENT BY 50;
-- The seeded checklist items take ids 1 to 12; JPA's first block of 50 ends at the sequence's first
-- value, so this sequence starts at 100 (ids from 51) to keep clear of them.
CREATE SEQUENCE org_checklist_item_seq AS BIGINT START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE org_checklist_tick_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE community_org (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    actor_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    org_type VARCHAR(30) NOT NULL,
    founded_on DATE NOT NULL,
    leader_resident_id BIGINT NOT NULL,
    registered_by VARCHAR(50) NOT NULL,
    registered_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_community_org PRIMARY KEY (id),
    CONSTRAINT fk_community_org_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_community_org_actor FOREIGN KEY (actor_id) REFERENCES actor (id),
    CONSTRAINT fk_community_org_leader FOREIGN KEY (leader_resident_id) REFERENCES resident (id),
    CONSTRAINT uq_community_org_name UNIQUE (community_id, name)
);
-- The list of a community sorts by name (the unique constraint's index serves it); the tier
-- overview of a sub-district joins through community_id.
CREATE INDEX ix_community_org_type ON community_org (community_id, org_type);
CREATE INDEX ix_community_org_actor ON community_org (actor_id);

CREATE TABLE org_member (
    id BIGINT NOT NULL,
    org_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    resident_id BIGINT NOT NULL,
    joined_on DATE NOT NULL,
    left_on DATE,
    version INTEGER NOT NULL,
    CONSTRAINT pk_org_member PRIMARY KEY (id),
    CONSTRAINT fk_org_member_org FOREIGN KEY (org_id) REFERENCES community_org (id),
    CONSTRAINT fk_org_member_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_org_member_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT ck_org_member_dates CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX ix_org_member_org ON org_member (org_id, resident_id);
CREATE INDEX ix_org_member_community ON org_member (community_id, org_id, joined_on);
CREATE INDEX ix_org_member_resident ON org_member (resident_id);

CREATE TABLE org_activity (
    id BIGINT NOT NULL,
    org_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    held_on DATE NOT NULL,
    title VARCHAR(100) NOT NULL,
    participants INTEGER NOT NULL,
    satisfaction_tenths INTEGER,
    respondents INTEGER NOT NULL,
    recorded_by VARCHAR(50) NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_org_activity PRIMARY KEY (id),
    CONSTRAINT fk_org_activity_org FOREIGN KEY (org_id) REFERENCES community_org (id),
    CONSTRAINT fk_org_activity_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT ck_org_activity_values CHECK (participants >= 0 AND respondents >= 0
        AND (satisfaction_tenths IS NULL OR satisfaction_tenths BETWEEN 10 AND 50))
);
CREATE INDEX ix_org_activity_org ON org_activity (org_id, held_on);
CREATE INDEX ix_org_activity_community ON org_activity (community_id, held_on);

CREATE TABLE org_funding (
    id BIGINT NOT NULL,
    org_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    funding_year INTEGER NOT NULL,
    self_raised_fen BIGINT NOT NULL,
    external_fen BIGINT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_org_funding PRIMARY KEY (id),
    CONSTRAINT fk_org_funding_org FOREIGN KEY (org_id) REFERENCES community_org (id),
    CONSTRAINT fk_org_funding_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT uq_org_funding_year UNIQUE (org_id, funding_year),
    CONSTRAINT ck_org_funding_values CHECK (self_raised_fen >= 0 AND external_fen >= 0)
);
CREATE INDEX ix_org_funding_community ON org_funding (community_id, funding_year);

CREATE TABLE org_recognition (
    id BIGINT NOT NULL,
    org_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title VARCHAR(100) NOT NULL,
    awarded_by VARCHAR(100) NOT NULL,
    awarded_on DATE NOT NULL,
    recorded_by VARCHAR(50) NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_org_recognition PRIMARY KEY (id),
    CONSTRAINT fk_org_recognition_org FOREIGN KEY (org_id) REFERENCES community_org (id),
    CONSTRAINT fk_org_recognition_community FOREIGN KEY (community_id) REFERENCES community (id)
);
CREATE INDEX ix_org_recognition_org ON org_recognition (org_id, awarded_on);

-- The city's thresholds of the two upper tiers (one row each); NASCENT is what is left.
CREATE TABLE org_tier_rule (
    tier VARCHAR(20) NOT NULL,
    min_activities INTEGER NOT NULL,
    min_members INTEGER NOT NULL,
    min_self_share_pct INTEGER NOT NULL,
    min_satisfaction_tenths INTEGER NOT NULL,
    min_years INTEGER NOT NULL,
    changed_by VARCHAR(50) NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_org_tier_rule PRIMARY KEY (tier),
    CONSTRAINT ck_org_tier_rule_tier CHECK (tier IN ('GROWING', 'MATURE')),
    CONSTRAINT ck_org_tier_rule_values CHECK (min_activities >= 0 AND min_members >= 0
        AND min_self_share_pct BETWEEN 0 AND 100 AND min_satisfaction_tenths BETWEEN 10 AND 50 AND min_years >= 0)
);
INSERT INTO org_tier_rule VALUES ('GROWING', 6, 10, 10, 35, 1, 'system', CURRENT_TIMESTAMP, 0);
INSERT INTO org_tier_rule VALUES ('MATURE', 12, 30, 30, 40, 3, 'system', CURRENT_TIMESTAMP, 0);

CREATE TABLE org_checklist_item (
    id BIGINT NOT NULL,
    tier VARCHAR(20) NOT NULL,
    support_kind VARCHAR(20) NOT NULL,
    title VARCHAR(200) NOT NULL,
    sort_order INTEGER NOT NULL,
    active SMALLINT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_org_checklist_item PRIMARY KEY (id),
    CONSTRAINT ck_org_checklist_item_tier CHECK (tier IN ('NASCENT', 'GROWING', 'MATURE')),
    CONSTRAINT ck_org_checklist_item_kind CHECK (support_kind IN ('INCUBATION', 'CAPACITY', 'RECOGNITION'))
);
CREATE INDEX ix_org_checklist_item_tier ON org_checklist_item (tier, active, sort_order);
INSERT INTO org_checklist_item VALUES (1, 'NASCENT', 'INCUBATION', '提供孵化场地（党群服务中心活动室）', 10, 1, 0);
INSERT INTO org_checklist_item VALUES (2, 'NASCENT', 'INCUBATION', '指定一名社工结对陪伴', 20, 1, 0);
INSERT INTO org_checklist_item VALUES (3, 'NASCENT', 'CAPACITY', '协助制定组织章程和议事规则', 30, 1, 0);
INSERT INTO org_checklist_item VALUES (4, 'NASCENT', 'CAPACITY', '完成社区备案', 40, 1, 0);
INSERT INTO org_checklist_item VALUES (5, 'GROWING', 'INCUBATION', '以微项目形式申请社区微基金', 10, 1, 0);
INSERT INTO org_checklist_item VALUES (6, 'GROWING', 'CAPACITY', '负责人参加骨干能力培训', 20, 1, 0);
INSERT INTO org_checklist_item VALUES (7, 'GROWING', 'CAPACITY', '建立财务台账和活动档案', 30, 1, 0);
INSERT INTO org_checklist_item VALUES (8, 'GROWING', 'RECOGNITION', '推荐参加街道优秀社区社会组织评选', 40, 1, 0);
INSERT INTO org_checklist_item VALUES (9, 'MATURE', 'CAPACITY', '承接政府购买服务或公益创投项目', 10, 1, 0);
INSERT INTO org_checklist_item VALUES (10, 'MATURE', 'INCUBATION', '带动孵化一个新的社区社会组织', 20, 1, 0);
INSERT INTO org_checklist_item VALUES (11, 'MATURE', 'RECOGNITION', '推荐申报区级以上表彰（授牌）', 30, 1, 0);
INSERT INTO org_checklist_item VALUES (12, 'MATURE', 'RECOGNITION', '在社区公开栏宣传其服务成效', 40, 1, 0);

CREATE TABLE org_checklist_tick (
    id BIGINT NOT NULL,
    org_id BIGINT NOT NULL,
    item_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    ticked_on DATE NOT NULL,
    ticked_by VARCHAR(50) NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_org_checklist_tick PRIMARY KEY (id),
    CONSTRAINT fk_org_checklist_tick_org FOREIGN KEY (org_id) REFERENCES community_org (id),
    CONSTRAINT fk_org_checklist_tick_item FOREIGN KEY (item_id) REFERENCES org_checklist_item (id),
    CONSTRAINT fk_org_checklist_tick_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT uq_org_checklist_tick UNIQUE (org_id, item_id)
);
CREATE INDEX ix_org_checklist_tick_item ON org_checklist_tick (item_id);
