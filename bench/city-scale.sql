-- City-scale data for the residents benchmark (PostgreSQL): 150 sub-districts, 3,000 communities,
-- 21,000 grid cells, 6,000,000 residents (2,000 per community), 5% tagged. Ids start at 100,001 so
-- they stay clear of what the application allocates. Loaded after the demo city, next to it.
\timing on
INSERT INTO sub_district (id, code, name, version)
SELECT 100000 + g, 'BSD' || lpad(g::text, 3, '0'), '基准街道' || g, 0 FROM generate_series(1, 150) g;
INSERT INTO community (id, code, name, sub_district_id, version)
SELECT 100000 + g, 'B' || lpad(g::text, 4, '0'), '基准社区' || g, 100000 + (g - 1) / 20 + 1, 0
FROM generate_series(1, 3000) g;
INSERT INTO grid_cell (id, code, name, community_id, version)
SELECT 100000 + g, 'B' || lpad(((g - 1) / 7 + 1)::text, 4, '0') || '-G' || lpad(((g - 1) % 7 + 1)::text, 2, '0'),
       '基准网格', 100000 + (g - 1) / 7 + 1, 0
FROM generate_series(1, 21000) g;
INSERT INTO resident (id, id_number, name, gender, birth_date, phone, address, community_id, grid_cell_id,
                      created_at, updated_at, version)
SELECT 1000000 + g,
       '9' || lpad(g::text, 17, '0'),
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + g % 10]
         || (ARRAY['秀英','建国','桂兰','志强','晨','浩宇','欣怡','明','丽','军'])[1 + (g / 10) % 10],
       CASE WHEN g % 2 = 0 THEN 'M' ELSE 'F' END,
       DATE '1935-01-01' + (g % 30000),
       '139' || lpad((g % 100000000)::text, 8, '0'),
       '江城市东湖区基准街道幸福路' || (g % 300) || '号' || (g % 12) || '栋',
       100000 + (g - 1) / 2000 + 1,
       100000 + ((g - 1) / 2000) * 7 + (g - 1) % 7 + 1,
       now(), now(), 0
FROM generate_series(1, 6000000) g;
INSERT INTO resident_tag (resident_id, tag_code)
SELECT 1000000 + g, 'ELDERLY_ALONE' FROM generate_series(1, 6000000, 20) g;
-- Accounts for the benchmark: copies of demo accounts (same password) with city-scale scopes.
INSERT INTO account (id, username, password_hash, display_name, account_role, community_id, supervisor_id,
                     resident_id, failed_sign_ins, locked_until, enabled, created_at, version)
SELECT 900001, 'bench.social', password_hash, '基准社工', 'SOCIAL_WORKER', 100001, NULL, NULL, 0, NULL, true, now(), 0
FROM account WHERE username = 'social1';
INSERT INTO account (id, username, password_hash, display_name, account_role, community_id, supervisor_id,
                     resident_id, failed_sign_ins, locked_until, enabled, created_at, version)
SELECT 900002, 'bench.street', password_hash, '基准街道干部', 'SUB_DISTRICT_OFFICER', NULL, NULL, NULL, 0, NULL, true,
       now(), 0
FROM account WHERE username = 'street1';
INSERT INTO account_sub_district (account_id, sub_district_id) VALUES (900002, 100001);
ANALYZE;
SELECT (SELECT count(*) FROM community) AS communities, (SELECT count(*) FROM grid_cell) AS grid_cells,
       (SELECT count(*) FROM resident) AS residents;
