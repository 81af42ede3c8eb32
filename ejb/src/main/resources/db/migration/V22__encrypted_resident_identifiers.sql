-- Residents' ID numbers and phones are stored encrypted (AES-GCM, "<key id>:<base64url>", up to
-- about 90 characters), each with a keyed hash (HMAC-SHA256, base64url, 43 characters) beside it
-- for exact look-up. The city-wide uniqueness of the ID number moves from the clear value to its
-- hash. Rows written before this version are encrypted and hashed by the application at start-up
-- (org.wushe.platform.IdentifierSealing), which is why the hashes may be NULL here.
ALTER TABLE resident DROP CONSTRAINT uq_resident_id_number;
ALTER TABLE resident ALTER COLUMN id_number SET DATA TYPE VARCHAR(120);
ALTER TABLE resident ALTER COLUMN phone SET DATA TYPE VARCHAR(120);
ALTER TABLE resident ADD COLUMN id_number_hash VARCHAR(64);
ALTER TABLE resident ADD COLUMN phone_hash VARCHAR(64);
ALTER TABLE resident ADD CONSTRAINT uq_resident_id_hash UNIQUE (id_number_hash);
CREATE INDEX ix_resident_phone_hash ON resident (phone_hash);
