-- The reminder that a certification expires within 30 days is raised once per certification, on
-- one node: a node claims the due certifications by writing its run's token into expiry_reminder
-- (a conditional update; a row claimed by another node is not claimed again), then notifies the
-- holders of the rows it claimed, in the same transaction.
ALTER TABLE certification ADD COLUMN expiry_reminder VARCHAR(40);
CREATE INDEX ix_certification_expiry ON certification (expires_on, expiry_reminder);

-- "My work" of residents: the open votes of the representatives a resident is (by resident, then
-- the community's open votes), and the whistle calls a Party member answered (by member).
CREATE INDEX ix_representative_resident ON delib_representative (resident_id, term_end);
CREATE INDEX ix_vote_community_status ON delib_vote (community_id, status);
CREATE INDEX ix_party_member_by_resident ON party_member (resident_id);
CREATE INDEX ix_response_member ON whistle_response (party_member_id, status);
