-- Bureau CSV imports: one row per run of a file (who, what, counts), and the problems of its bad
-- lines, kept by key and arguments so the report can be shown in Chinese or English. A problem is
-- written in the same transaction as the good lines of its chunk, so a restarted chunk neither
-- loses nor repeats one.
CREATE SEQUENCE import_run_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE import_run (
    id BIGINT NOT NULL,
    import_kind VARCHAR(20) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    charset_name VARCHAR(20),
    status VARCHAR(20) NOT NULL,
    started_by VARCHAR(50) NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    lines_read BIGINT NOT NULL,
    inserted BIGINT NOT NULL,
    updated BIGINT NOT NULL,
    unchanged BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    report_path VARCHAR(500),
    version INTEGER NOT NULL,
    CONSTRAINT pk_import_run PRIMARY KEY (id),
    CONSTRAINT ck_import_run_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED'))
);
CREATE INDEX ix_import_run_started ON import_run (started_at);

CREATE TABLE import_problem (
    run_id BIGINT NOT NULL,
    line_no BIGINT NOT NULL,
    problem_no INTEGER NOT NULL,
    field_name VARCHAR(40) NOT NULL,
    message_key VARCHAR(80) NOT NULL,
    message_args VARCHAR(400),
    CONSTRAINT pk_import_problem PRIMARY KEY (run_id, line_no, problem_no),
    CONSTRAINT fk_import_problem_run FOREIGN KEY (run_id) REFERENCES import_run (id)
);

-- The volunteers import finds its own earlier certifications by resident and code.
CREATE INDEX ix_certification_kind ON certification (resident_id, issued_by_kind, certification_code);
