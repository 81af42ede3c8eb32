-- Report files: every PDF or CSV a report job (reports-monthly) or a report on demand wrote under
-- the reports directory, with the job execution that made it. A month run again replaces its
-- files of the same kind: the file name is unique within its period.
CREATE SEQUENCE report_file_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE report_file (
    id BIGINT NOT NULL,
    job_execution_id BIGINT,
    job_name VARCHAR(40),
    report_kind VARCHAR(40) NOT NULL,
    community_id BIGINT,
    report_period VARCHAR(7) NOT NULL,
    file_name VARCHAR(200) NOT NULL,
    file_path VARCHAR(1000) NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_report_file PRIMARY KEY (id),
    CONSTRAINT uq_report_file_name UNIQUE (report_period, file_name),
    CONSTRAINT fk_report_file_community FOREIGN KEY (community_id) REFERENCES community (id)
);
-- The files of a job execution (operator console), of a community (dashboards), of a period.
CREATE INDEX ix_report_file_execution ON report_file (job_execution_id);
CREATE INDEX ix_report_file_community ON report_file (community_id, report_period);
CREATE INDEX ix_report_file_period ON report_file (report_period, report_kind);
