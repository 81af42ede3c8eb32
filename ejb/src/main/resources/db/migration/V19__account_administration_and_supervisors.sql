-- Account administration by the security administrator (三权分立).
--
-- Supervisors: only a social worker marked as supervising may supervise, and only social workers of
-- the sub-districts of their supervision scope. An existing social worker who supervises someone is
-- marked, with the sub-districts of their own community and of the communities of everyone they
-- supervise; a supervisor relation that no rule allows (a supervisor or a supervisee who is not a
-- social worker) is removed.
ALTER TABLE account ADD COLUMN supervising BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE account_supervision_sub_district (
    account_id BIGINT NOT NULL,
    sub_district_id BIGINT NOT NULL,
    CONSTRAINT pk_account_supervision_sd PRIMARY KEY (account_id, sub_district_id),
    CONSTRAINT fk_assd_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_assd_sub_district FOREIGN KEY (sub_district_id) REFERENCES sub_district (id)
);

UPDATE account SET supervisor_id = NULL
    WHERE supervisor_id IS NOT NULL AND account_role <> 'SOCIAL_WORKER';
UPDATE account SET supervisor_id = NULL
    WHERE supervisor_id IN (SELECT s.id FROM account s WHERE s.account_role <> 'SOCIAL_WORKER');
UPDATE account SET supervisor_id = NULL WHERE supervisor_id = id;
UPDATE account SET supervising = TRUE
    WHERE account_role = 'SOCIAL_WORKER' AND id IN (SELECT w.supervisor_id FROM account w WHERE w.supervisor_id IS NOT NULL);

INSERT INTO account_supervision_sub_district (account_id, sub_district_id)
    SELECT w.supervisor_id, c.sub_district_id FROM account w JOIN community c ON c.id = w.community_id
        WHERE w.supervisor_id IS NOT NULL
    UNION
    SELECT s.id, c.sub_district_id FROM account s JOIN community c ON c.id = s.community_id
        WHERE s.supervising = TRUE;

-- Four-eyes on administrator accounts: a change one security administrator requests and a
-- different one confirms (or declines with a reason) before it takes effect. A new account's
-- password is kept only as its hash, and only until the request is decided.
CREATE SEQUENCE admin_change_request_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE admin_change_request (
    id BIGINT NOT NULL,
    change_kind VARCHAR(20) NOT NULL,
    account_id BIGINT,
    username VARCHAR(50) NOT NULL,
    display_name VARCHAR(100),
    new_role VARCHAR(30),
    sub_district_codes VARCHAR(1000),
    community_code VARCHAR(30),
    grid_codes VARCHAR(1000),
    password_hash VARCHAR(300),
    summary VARCHAR(1000) NOT NULL,
    status VARCHAR(12) NOT NULL,
    requested_by VARCHAR(50) NOT NULL,
    requested_at TIMESTAMP NOT NULL,
    decided_by VARCHAR(50),
    decided_at TIMESTAMP,
    decision_reason VARCHAR(500),
    version INTEGER NOT NULL,
    CONSTRAINT pk_admin_change_request PRIMARY KEY (id),
    CONSTRAINT fk_admin_change_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_admin_change_kind CHECK (change_kind IN ('CREATE', 'ROLE_SCOPE', 'DISABLE', 'ENABLE', 'UNLOCK')),
    CONSTRAINT ck_admin_change_status CHECK (status IN ('PENDING', 'CONFIRMED', 'DECLINED'))
);
CREATE INDEX ix_admin_change_status ON admin_change_request (status, requested_at);
