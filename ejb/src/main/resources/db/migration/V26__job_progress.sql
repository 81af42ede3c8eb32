-- Operators follow a running job on the console from the database, so every node shows the same.
-- An import run records how many lines its file has (counted before the first line is read) and
-- the line its last committed chunk reached.
ALTER TABLE import_run ADD COLUMN lines_total BIGINT;
ALTER TABLE import_run ADD COLUMN line_at BIGINT DEFAULT 0 NOT NULL;

-- The import jobs read their files as chunk steps with checkpoints: a run is tied to the job
-- execution that runs it, and one whose execution stopped or failed before its end is STOPPED
-- (a restart of the execution goes on with it from the last checkpoint).
ALTER TABLE import_run ADD COLUMN job_execution_id BIGINT;
ALTER TABLE import_run DROP CONSTRAINT ck_import_run_status;
ALTER TABLE import_run ADD CONSTRAINT ck_import_run_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'STOPPED'));
CREATE INDEX ix_import_run_execution ON import_run (job_execution_id, status);

-- A job execution's progress in its own unit (the settlement: sources): the total found when it
-- began and what its committed chunks have done, added in each chunk's transaction.
CREATE TABLE job_progress (
    execution_id BIGINT NOT NULL,
    job_name VARCHAR(40) NOT NULL,
    unit VARCHAR(20) NOT NULL,
    done BIGINT NOT NULL,
    total BIGINT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_job_progress PRIMARY KEY (execution_id)
);
