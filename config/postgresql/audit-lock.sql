-- Run by the OWNER role after every deployment (config/server.sh install and
-- config/postgresql-test.sh do; it changes nothing when run again). The migrations, run by the
-- application's role, created the audit tables; here the owner takes them over and leaves the
-- application INSERT and SELECT on the log (and what its id sequence needs), SELECT on the
-- retention anchors, and a trigger that refuses UPDATE, DELETE and TRUNCATE on the log to
-- everybody, which only the owner can drop or disable. The owner role must be a member of the
-- application's role (GRANT <app> TO <owner>) to take over what that role created.
--   psql -v app=<application role> -f audit-lock.sql   (connected as the owner role)
\set ON_ERROR_STOP on
BEGIN;
ALTER TABLE audit_entry OWNER TO CURRENT_USER;
ALTER SEQUENCE audit_entry_seq OWNER TO CURRENT_USER;
ALTER TABLE audit_anchor OWNER TO CURRENT_USER;
REVOKE ALL ON audit_entry FROM PUBLIC;
REVOKE ALL ON audit_entry FROM :"app";
GRANT SELECT, INSERT ON audit_entry TO :"app";
REVOKE ALL ON SEQUENCE audit_entry_seq FROM :"app";
GRANT USAGE, SELECT ON SEQUENCE audit_entry_seq TO :"app";
REVOKE ALL ON audit_anchor FROM :"app";
GRANT SELECT ON audit_anchor TO :"app";

CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
ALTER FUNCTION audit_entry_append_only() OWNER TO CURRENT_USER;
REVOKE ALL ON FUNCTION audit_entry_append_only() FROM PUBLIC;
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry;
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
COMMIT;
