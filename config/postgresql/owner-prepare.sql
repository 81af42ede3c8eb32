-- Run by the OWNER role before the application's first deployment (config/server.sh install and
-- config/postgresql-test.sh do): the schema belongs to the owner, and the application's role may
-- create its tables there but, owning neither the database nor the schema, cannot drop a table
-- it does not own (the audit log, once audit-lock.sql has taken it over).
--   psql -v app=<application role> -f owner-prepare.sql   (connected as the owner role)
\set ON_ERROR_STOP on
DO $$
BEGIN
  IF (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) <> current_user THEN
    RAISE EXCEPTION 'the owner role % must own the database %', current_user, current_database();
  END IF;
END $$;
ALTER SCHEMA public OWNER TO CURRENT_USER;
GRANT USAGE, CREATE ON SCHEMA public TO :"app";
