-- Nothing looks residents up by phone yet; the index on the phone's keyed hash only cost every
-- import (issue 19 measured the residents store 1.35x slower after encryption at rest). The hash
-- itself stays, for the duplicate sweep, which groups by it over the whole table and needs no index.
DROP INDEX ix_resident_phone_hash;
