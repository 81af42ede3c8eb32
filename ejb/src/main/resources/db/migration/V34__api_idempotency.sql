-- Safe retry of the API's calls that change data (docs/api.md, "Safe retry"): a call with the header
-- Idempotency-Key is remembered per account and key for 24 hours with a digest of the request and,
-- once answered, the answer; the same key again returns that answer and changes nothing. A row
-- without status_code is a call still running. ${blob_type} is BLOB on Derby and BYTEA on PostgreSQL.
CREATE TABLE api_idempotency (
    owner_name VARCHAR(100) NOT NULL,
    idem_key VARCHAR(100) NOT NULL,
    request_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    status_code INTEGER,
    content_type VARCHAR(200),
    location VARCHAR(1000),
    body ${blob_type},
    CONSTRAINT pk_api_idempotency PRIMARY KEY (owner_name, idem_key)
);
CREATE INDEX ix_api_idempotency_created ON api_idempotency (created_at);
