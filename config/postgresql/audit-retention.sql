-- Run by the OWNER role: removes the audit entries older than the retention and records where the
-- chain now starts (audit_anchor: the first remaining entry's place and the previous hash it
-- records), so the verification still proves every remaining entry. Archive the period first
-- (the audit page's archive export). config/server.sh audit-retention runs it with the days of
-- wushe.audit.retentionDays (at least 183).
--   psql -v days=<days> -f audit-retention.sql   (connected as the owner role)
\set ON_ERROR_STOP on
BEGIN;
ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only;
CREATE TEMP TABLE audit_cut ON COMMIT DROP AS
    SELECT chain_seq, prev_hash, localtimestamp - make_interval(days => :days) AS before
      FROM audit_entry
     WHERE chain_seq IS NOT NULL AND occurred_at >= localtimestamp - make_interval(days => :days)
     ORDER BY chain_seq LIMIT 1;
INSERT INTO audit_anchor (first_seq, prev_hash, removed_entries, removed_before, recorded_at)
    SELECT c.chain_seq, c.prev_hash,
           (SELECT COUNT(*) FROM audit_entry e WHERE e.chain_seq < c.chain_seq
                OR e.chain_seq IS NULL AND e.occurred_at < c.before),
           c.before, localtimestamp
      FROM audit_cut c
     WHERE EXISTS (SELECT 1 FROM audit_entry e WHERE e.chain_seq < c.chain_seq
                   OR e.chain_seq IS NULL AND e.occurred_at < c.before)
    ON CONFLICT (first_seq) DO NOTHING;
DELETE FROM audit_entry e USING audit_cut c
 WHERE e.chain_seq < c.chain_seq OR e.chain_seq IS NULL AND e.occurred_at < c.before;
ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only;
SELECT first_seq, removed_entries, removed_before FROM audit_anchor ORDER BY first_seq DESC LIMIT 1;
COMMIT;
