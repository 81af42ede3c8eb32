-- A page session signed in before this moment is ended at its next request: set when the
-- password is set (by its owner or a reset), when the role or scope changes and when the
-- account is disabled. NULL: no session has been ended.
ALTER TABLE account ADD COLUMN sessions_valid_from TIMESTAMP;
