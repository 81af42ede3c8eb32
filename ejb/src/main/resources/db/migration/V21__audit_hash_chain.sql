-- The tamper-evident audit log: one hash chain over every entry written from now on. Each entry
-- carries its place in the chain (chain_seq, 1, 2, 3, ... without gaps), the hash of the entry
-- before it and its own hash (SHA-256 over its fields and the previous hash, hex). Entries
-- written before this version have no place in the chain (the verifier counts them apart).
ALTER TABLE audit_entry ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_entry ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_entry ADD COLUMN entry_hash VARCHAR(64);
ALTER TABLE audit_entry ADD CONSTRAINT uq_audit_chain_seq UNIQUE (chain_seq);
CREATE INDEX ix_audit_outcome ON audit_entry (outcome, occurred_at);

-- The chain's head: the last entry's place and hash. A writer locks this one row (UPDATE) in the
-- transaction that appends, so writers on every node of one database append one after the other.
CREATE TABLE audit_chain_head (
    id INTEGER NOT NULL,
    last_seq BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_chain_head PRIMARY KEY (id)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Where the chain starts after entries past the retention were removed by the owner role: the
-- first remaining entry's place and the previous hash it records. Written by the owner's removal
-- command only (docs/operations.md, "The audit log"); the application only reads it.
CREATE TABLE audit_anchor (
    first_seq BIGINT NOT NULL,
    prev_hash VARCHAR(64) NOT NULL,
    removed_entries BIGINT NOT NULL,
    removed_before TIMESTAMP NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_audit_anchor PRIMARY KEY (first_seq)
);
