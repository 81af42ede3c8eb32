-- What kind of installation this database was first started as: DEMO (the demo city, whose
-- accounts have the published password) or PRODUCTION. One row, written once at the first start
-- (DemoCityLoader) and never changed by the application: a production database is never given the
-- demo city, and a production server refuses a demo database (DemoPolicy).
CREATE TABLE installation (
    id INTEGER NOT NULL,
    kind VARCHAR(16) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_installation PRIMARY KEY (id),
    CONSTRAINT ck_installation_single CHECK (id = 1),
    CONSTRAINT ck_installation_kind CHECK (kind IN ('DEMO', 'PRODUCTION'))
);
