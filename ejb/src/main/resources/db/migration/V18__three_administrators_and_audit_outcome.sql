-- 三权分立: the one bureau administrator becomes three (system, security, audit). An existing
-- installation's administrator kept accounts, so it becomes the security administrator, who then
-- creates the system and audit administrators.
UPDATE account SET account_role = 'SECURITY_ADMIN' WHERE account_role = 'BUREAU_ADMIN';

-- Every entry says whether the action was done or refused.
ALTER TABLE audit_entry ADD COLUMN outcome VARCHAR(10) DEFAULT 'DONE' NOT NULL;
ALTER TABLE audit_entry ADD CONSTRAINT ck_audit_outcome CHECK (outcome IN ('DONE', 'REFUSED'));
