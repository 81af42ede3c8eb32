-- The password lifecycle (docs/security.md, "Passwords and the second factor"): when each password
-- was set, whether its owner must change it at the next sign-in (set by someone else, reset, or
-- expired), the hashes of the previous passwords, and the administrators' second factor (TOTP,
-- RFC 6238) with its one-time recovery codes.

-- Existing passwords count as set when this version is installed: the expiry runs from then.
ALTER TABLE account ADD COLUMN password_changed_at TIMESTAMP;
UPDATE account SET password_changed_at = CURRENT_TIMESTAMP;
ALTER TABLE account ADD COLUMN password_must_change BOOLEAN DEFAULT FALSE NOT NULL;

-- The previous passwords of an account (PBKDF2 hashes, as account.password_hash), newest kept.
CREATE TABLE password_history (
    id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    password_hash VARCHAR(300) NOT NULL,
    replaced_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_password_history PRIMARY KEY (id),
    CONSTRAINT fk_password_history_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_password_history_account ON password_history (account_id, replaced_at);
CREATE SEQUENCE password_history_seq AS BIGINT START WITH 50 INCREMENT BY 50;

-- One enrolled TOTP secret per account, encrypted (AES-GCM, key outside the database), and the
-- last time step accepted at the sign-in page (a code is accepted there once).
CREATE TABLE second_factor (
    account_id BIGINT NOT NULL,
    secret_cipher VARCHAR(200) NOT NULL,
    enrolled_at TIMESTAMP NOT NULL,
    last_step BIGINT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_second_factor PRIMARY KEY (account_id),
    CONSTRAINT fk_second_factor_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- Recovery codes: SHA-256 of each code (80 random bits), used once.
CREATE TABLE recovery_code (
    id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    code_hash VARCHAR(64) NOT NULL,
    used_at TIMESTAMP,
    CONSTRAINT pk_recovery_code PRIMARY KEY (id),
    CONSTRAINT fk_recovery_code_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_recovery_code_account ON recovery_code (account_id);
CREATE SEQUENCE recovery_code_seq AS BIGINT START WITH 50 INCREMENT BY 50;
