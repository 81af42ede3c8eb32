-- One chunk of :n new residents as the residents import stores them, in SQL alone (bench/import-ceiling.sh):
-- the resident rows (ID number and phone as long as their sealed forms, their hashes, a third without a
-- phone), four tags in five residents, one 'created' change row each, into copies of the three tables
-- with every index and foreign key of the real ones. :base is the chunk's first id less one.
BEGIN;
INSERT INTO import_ceiling.resident (id, id_number, id_number_hash, name, gender, birth_date, phone, phone_hash,
    address, community_id, grid_cell_id, created_at, updated_at, version)
WITH g AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(community_id ORDER BY id) AS communities,
           count(*)::int AS n FROM public.grid_cell)
SELECT :base + i, 'k1:' || md5(i || 'a') || md5(i || 'b'), substr(md5(i || 'h') || md5(i::text), 1, 43),
       '居民' || (i % 97), CASE WHEN i % 2 = 0 THEN 'M' ELSE 'F' END, date '1940-01-01' + (i % 20000),
       CASE WHEN i % 3 = 0 THEN NULL ELSE 'k1:' || md5(i || 'p') || md5(i || 'q') END,
       CASE WHEN i % 3 = 0 THEN NULL ELSE substr(md5(i || 'ph') || md5(i::text), 1, 43) END,
       '江城市东湖区幸福路' || (i % 100) || '号', g.communities[1 + i % g.n], g.ids[1 + i % g.n], now(), now(), 1
FROM generate_series(:base + 1, :base + :n) AS i, g;
INSERT INTO import_ceiling.resident_tag SELECT :base + i, 'ELDERLY' FROM generate_series(:base + 1, :base + :n) AS i WHERE i % 5 <> 0;
INSERT INTO import_ceiling.resident_change SELECT :base + i, :base + i, now(), 'import#1', 'created', NULL, 'line ' || i
FROM generate_series(:base + 1, :base + :n) AS i;
COMMIT;
