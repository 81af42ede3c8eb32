-- City-scale data for the resource docking benchmark (PostgreSQL), loaded on top of the city-scale
-- city (bench/city-scale.sql: 150 sub-districts, 3,000 communities B0001…B3000 with ids 100001…,
-- 21,000 grid cells, 6,000,000 residents, the accounts bench.social and bench.street):
--   1,500 actors (10 per sub-district) that provide resources across their sub-district;
--   500,000 needs registered over the last two years, ids 10,000,001…;
--   200,000 ledger resources (five spheres, 20% without a category), ids 20,000,001…;
--   ~300,000 docking actions, ids 30,000,001…, with the participants of a third of them;
--   each resource's reserved = the quantity its planned and started actions hold (<= capacity).
-- Ids stay far above what the application allocates (its sequences start at 50), so the sequences
-- are left alone. Attributes come from a hash of the row number, so every load gives the same data;
-- dates are relative to the day of loading. need_event rows are not loaded (no figure reads them).
\timing on
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM community WHERE id = 103000)
       OR NOT EXISTS (SELECT 1 FROM resident WHERE id = 7000000)
       OR NOT EXISTS (SELECT 1 FROM account WHERE username = 'bench.social') THEN
        RAISE EXCEPTION 'the city-scale city is missing: load bench/city-scale.sql first';
    END IF;
END $$;

-- A stable pseudo-random number in [0, n) for row g and a salt.
CREATE FUNCTION pg_temp.h(g bigint, salt int, n int) RETURNS int LANGUAGE sql IMMUTABLE AS
$$ SELECT (((hashint8extended(g, salt) % n) + n) % n)::int $$;
-- A need category by a number in [0, 100): elderly care is the most frequent, other the least.
CREATE FUNCTION pg_temp.cat(p int) RETURNS varchar LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN p < 25 THEN 'ELDERLY_CARE' WHEN p < 35 THEN 'CHILDREN' WHEN p < 43 THEN 'DISABILITY'
               WHEN p < 58 THEN 'HARDSHIP_RELIEF' WHEN p < 70 THEN 'HEALTH' WHEN p < 80 THEN 'ENVIRONMENT'
               WHEN p < 86 THEN 'SAFETY' WHEN p < 91 THEN 'CULTURE' WHEN p < 96 THEN 'EMPLOYMENT'
               ELSE 'OTHER' END::varchar $$;

-- One transaction: a load that fails leaves nothing behind, and the next run loads again.
BEGIN;

-- Actors: ten per sub-district, in its communities; they provide the social organisations' and the
-- charities' resources, so one provider carries many resources and actions.
INSERT INTO actor (id, community_id, name, actor_type, contact_name, resident_id, version)
SELECT 500000 + g, 100000 + ((g - 1) / 10) * 20 + 1 + ((g - 1) % 10) * 2,
       '基准街道' || ((g - 1) / 10 + 1)
         || (ARRAY['社工服务中心','慈善基金会','志愿服务队','物业服务公司','辖区单位','商户联合会','义工联',
                   '养老服务站','青少年服务社','助残协会'])[1 + (g - 1) % 10],
       (ARRAY['SOCIAL_WORK_AGENCY','SOCIAL_ORGANIZATION','VOLUNTEER_TEAM','PROPERTY_MANAGEMENT','JURISDICTION_UNIT',
              'BUSINESS_COMMITTEE','VOLUNTEER_TEAM','SOCIAL_ORGANIZATION','SOCIAL_ORGANIZATION',
              'SOCIAL_ORGANIZATION'])[1 + (g - 1) % 10],
       NULL, NULL, 0
FROM generate_series(1, 1500) g;

-- Needs: 500,000 over two years (ids grow with time), about 167 per community, in its 7 grid cells.
-- The last 30 days are still being worked on; older needs are mostly closed, with a backlog of
-- registered and assessed ones and a few stuck in action.
INSERT INTO need (id, community_id, grid_cell_id, resident_id, category_code, urgency, need_source, title, description,
                  status, registered_at, registered_by, assessed_at, assessed_by, findings, priority, feedback,
                  feedback_at, closed_at, closed_by, satisfaction, closure_comment, rated_by, reopen_count, version)
SELECT 10000000 + s.g, 100000 + s.k, 100000 + (s.k - 1) * 7 + 1 + pg_temp.h(s.g, 32, 7), s.resident_id, s.cat,
       CASE WHEN s.hu < 20 THEN 'LOW' WHEN s.hu < 75 THEN 'NORMAL' WHEN s.hu < 95 THEN 'HIGH' ELSE 'CRITICAL' END,
       CASE WHEN s.resident_id IS NULL THEN (ARRAY['GRID_PATROL','DELIBERATION'])[1 + pg_temp.h(s.g, 36, 2)]
            ELSE (ARRAY['RESIDENT_REQUEST','HOME_VISIT','GRID_PATROL'])[1 + pg_temp.h(s.g, 36, 3)] END,
       nc.name_zh || '：' || (ARRAY['上门探访','助餐送餐','陪同就医','临时救助','课后托管','设施维修','政策咨询',
                                    '环境整治'])[1 + pg_temp.h(s.g, 39, 8)],
       '网格员走访了解到的情况：' || nc.name_zh || '方面需要协助，居民希望尽快安排，联系电话已登记。',
       s.status, s.reg, 'bench.grid' || (1 + pg_temp.h(s.g, 32, 7)),
       CASE WHEN s.status <> 'REGISTERED' THEN s.reg + s.span * 0.1 END,
       CASE WHEN s.status <> 'REGISTERED' THEN 'bench.social' END,
       CASE WHEN s.status <> 'REGISTERED' THEN '已入户核实，情况属实，建议按优先级安排资源对接。' END,
       CASE WHEN s.status <> 'REGISTERED' THEN 1 + pg_temp.h(s.g, 41, 5) END,
       CASE WHEN s.status IN ('FEEDBACK','CLOSED','REOPENED') THEN '服务已按约完成，居民表示问题已基本解决。' END,
       CASE WHEN s.status IN ('FEEDBACK','CLOSED','REOPENED') THEN s.reg + s.span * 0.7 END,
       CASE WHEN s.status IN ('CLOSED','REOPENED') THEN s.reg + s.span * 0.8 END,
       CASE WHEN s.status IN ('CLOSED','REOPENED') THEN 'bench.social' END,
       CASE WHEN s.status IN ('CLOSED','REOPENED') THEN (ARRAY[2,3,4,4,4,5,5,5,5,5])[1 + pg_temp.h(s.g, 43, 10)] END,
       CASE WHEN s.status IN ('CLOSED','REOPENED') THEN '服务及时，态度很好。' END,
       CASE WHEN s.status IN ('CLOSED','REOPENED') THEN '居民本人' END,
       CASE WHEN s.status = 'REOPENED' OR (s.status = 'CLOSED' AND pg_temp.h(s.g, 44, 100) < 3) THEN 1 ELSE 0 END,
       0
FROM (
    SELECT t.*,
           CASE WHEN t.g > 480000 THEN
                    CASE WHEN t.hs < 30 THEN 'REGISTERED' WHEN t.hs < 50 THEN 'ASSESSED' WHEN t.hs < 65 THEN 'MATCHED'
                         WHEN t.hs < 88 THEN 'IN_ACTION' ELSE 'FEEDBACK' END
                ELSE
                    CASE WHEN t.hs < 20 THEN 'REGISTERED' WHEN t.hs < 45 THEN 'ASSESSED' WHEN t.hs < 46 THEN 'MATCHED'
                         WHEN t.hs < 49 THEN 'IN_ACTION' WHEN t.hs < 51 THEN 'FEEDBACK' WHEN t.hs < 52 THEN 'REOPENED'
                         ELSE 'CLOSED' END
           END AS status,
           -- the loop's steps fall in the first weeks after registration, never after now
           LEAST(interval '1 day' * (10 + pg_temp.h(t.g, 40, 30)), (localtimestamp - t.reg) * 0.9) AS span,
           CASE WHEN t.cat NOT IN ('ENVIRONMENT','SAFETY','CULTURE') AND pg_temp.h(t.g, 37, 100) < 85
                THEN 1000000 + (t.k - 1) * 2000 + 1 + pg_temp.h(t.g, 38, 2000) END AS resident_id
    FROM (
        SELECT g, 1 + pg_temp.h(g, 30, 3000) AS k, pg_temp.cat(pg_temp.h(g, 31, 100)) AS cat,
               pg_temp.h(g, 33, 100) AS hs, pg_temp.h(g, 35, 100) AS hu,
               (current_date - 730)::timestamp + interval '1 second' * (g * 126 + pg_temp.h(g, 34, 600)) AS reg
        FROM generate_series(1, 500000) g
    ) t
) s
JOIN need_category nc ON nc.code = s.cat;

-- The ledger: 200,000 resources, about 67 per community. Providers: the community itself (one key
-- per community), the sub-district's actors (social organisations, charities), a few named social
-- workers per community, and eight volunteer residents per community.
INSERT INTO resource (id, community_id, grid_cell_id, sphere, resource_type, category_code, name, description,
                      provider_actor_id, provider_resident_id, provider_name, provider_key, capacity, reserved, unit,
                      available_from, available_until, status, created_at, version)
SELECT 20000000 + s.g, 100000 + s.k,
       CASE WHEN pg_temp.h(s.g, 21, 100) < 60 THEN 100000 + (s.k - 1) * 7 + 1 + pg_temp.h(s.g, 22, 7) END,
       s.sphere, s.rtype, s.cat,
       (CASE s.rtype WHEN 'SERVICE' THEN '上门服务' WHEN 'VENUE' THEN '活动场地' WHEN 'GOODS' THEN '物资'
                     WHEN 'FUNDS' THEN '救助资金' ELSE '专业技能' END)
         || '（' || coalesce(nc.name_zh, '通用') || '）第' || s.g || '号',
       '每周可提供，需提前一天预约。',
       a.id, r.id,
       coalesce(a.name, r.name, s.named),
       CASE WHEN a.id IS NOT NULL THEN 'A:' || a.id WHEN r.id IS NOT NULL THEN 'R:' || r.id
            ELSE 'N:' || (100000 + s.k) || ':' || left(s.named, 40) END,
       s.capacity, 0,
       CASE s.rtype WHEN 'SERVICE' THEN '人次' WHEN 'VENUE' THEN '场次' WHEN 'GOODS' THEN '份' WHEN 'FUNDS' THEN '千元'
                    ELSE '小时' END,
       current_date - s.d0,
       CASE WHEN s.he < 60 THEN NULL
            WHEN s.he < 72 THEN current_date - s.d0 + s.d0 / 2                   -- ended (expired)
            ELSE current_date + 1 + pg_temp.h(s.g, 19, 365) END,
       CASE WHEN s.hst < 88 THEN 'AVAILABLE' WHEN s.hst < 95 THEN 'SUSPENDED' ELSE 'WITHDRAWN' END,
       (current_date - s.d0)::timestamp - interval '1 day' + interval '1 minute' * pg_temp.h(s.g, 25, 600),
       0
FROM (
    SELECT t.*,
           CASE WHEN t.sp < 25 THEN 'COMMUNITY' WHEN t.sp < 45 THEN 'SOCIAL_ORGANIZATION'
                WHEN t.sp < 60 THEN 'SOCIAL_WORKER' WHEN t.sp < 85 THEN 'VOLUNTEER' ELSE 'CHARITY' END AS sphere,
           CASE WHEN t.sp < 25 THEN (ARRAY['VENUE','SERVICE'])[1 + t.ht]
                WHEN t.sp < 85 THEN (ARRAY['SERVICE','SKILL'])[1 + t.ht]
                ELSE (ARRAY['FUNDS','GOODS'])[1 + t.ht] END AS rtype,
           CASE WHEN t.sp < 25 THEN '基准社区' || t.k || '居委会'
                ELSE '基准社区' || t.k || '社工' || (1 + pg_temp.h(t.g, 24, 3)) || '号' END AS named
    FROM (
        SELECT g, 1 + pg_temp.h(g, 10, 3000) AS k, pg_temp.h(g, 11, 100) AS sp, pg_temp.h(g, 14, 2) AS ht,
               CASE WHEN pg_temp.h(g, 15, 100) < 20 THEN NULL ELSE pg_temp.cat(pg_temp.h(g, 23, 100)) END AS cat,
               1 + pg_temp.h(g, 16, 20) AS capacity, pg_temp.h(g, 17, 730) AS d0, pg_temp.h(g, 18, 100) AS he,
               pg_temp.h(g, 20, 100) AS hst, pg_temp.h(g, 12, 10) AS ha, pg_temp.h(g, 13, 8) AS hr
        FROM generate_series(1, 200000) g
    ) t
) s
LEFT JOIN need_category nc ON nc.code = s.cat
LEFT JOIN actor a ON s.sphere IN ('SOCIAL_ORGANIZATION','CHARITY')
                 AND a.id = 500000 + ((s.k - 1) / 20) * 10 + 1 + s.ha
LEFT JOIN resident r ON s.sphere = 'VOLUNTEER' AND r.id = 1000000 + (s.k - 1) * 2000 + 1 + s.hr;

-- Docking actions. Every need that was matched has one; one in ten has an earlier cancelled one too.
-- An action takes a resource of its need's sub-district, of the need's category (3 in 4) or general.
-- Planned and started actions get distinct resources within their pool, so reserved <= capacity.
CREATE TEMP TABLE bench_pool AS
SELECT id, (community_id - 100001) / 20 AS sd, coalesce(category_code, '*') AS pool, capacity, provider_key,
       row_number() OVER (PARTITION BY (community_id - 100001) / 20, coalesce(category_code, '*') ORDER BY id) AS rn
FROM resource WHERE id > 20000000;
CREATE INDEX ON bench_pool (sd, pool, rn);
CREATE TEMP TABLE bench_pool_size AS SELECT sd, pool, count(*)::int AS cnt FROM bench_pool GROUP BY sd, pool;

CREATE TEMP TABLE bench_action AS
WITH matched AS (
    SELECT n.id AS need_id, n.community_id, (n.community_id - 100001) / 20 AS sd, n.category_code, n.registered_at,
           LEAST(interval '1 day' * (10 + pg_temp.h(n.id - 10000000, 40, 30)),
                 (localtimestamp - n.registered_at) * 0.9) AS span,
           CASE n.status WHEN 'MATCHED' THEN 'PLANNED' WHEN 'IN_ACTION' THEN 'STARTED' ELSE 'DONE' END AS final,
           pg_temp.h(n.id, 50, 100) < 10 AS twice
    FROM need n
    WHERE n.id > 10000000 AND n.status IN ('MATCHED','IN_ACTION','FEEDBACK','CLOSED','REOPENED')
), one AS (
    SELECT m.*, 1 AS seq, CASE WHEN m.twice THEN 'CANCELLED' ELSE m.final END AS status FROM matched m
    UNION ALL
    SELECT m.*, 2, m.final FROM matched m WHERE m.twice
), pooled AS (
    SELECT o.*, CASE WHEN pg_temp.h(o.need_id * 2 + o.seq, 51, 100) < 75 THEN o.category_code ELSE '*' END AS pool,
           o.status IN ('PLANNED','STARTED') AS active
    FROM one o
)
SELECT p.*, ps.cnt,
       CASE WHEN p.active
            THEN (row_number() OVER (PARTITION BY p.sd, p.pool, p.active ORDER BY p.need_id, p.seq) - 1) % ps.cnt + 1
            ELSE 1 + pg_temp.h(p.need_id * 2 + p.seq, 52, ps.cnt) END AS rn
FROM pooled p JOIN bench_pool_size ps ON ps.sd = p.sd AND ps.pool = p.pool;

INSERT INTO docking_action (id, need_id, resource_id, community_id, quantity, owner_username, due_on, status,
                            provider_key, match_score, match_reason, created_at, created_by, started_at, finished_at,
                            outcome, version)
SELECT 30000000 + row_number() OVER (ORDER BY x.created_at, x.need_id, x.seq),
       x.need_id, r.id, x.community_id, LEAST(r.capacity, 1 + pg_temp.h(x.need_id * 2 + x.seq, 53, 3)),
       'bench.social', x.created_at::date + 7 + pg_temp.h(x.need_id * 2 + x.seq, 54, 21), x.status,
       r.provider_key, 40 + pg_temp.h(x.need_id * 2 + x.seq, 55, 61),
       'match.reason.category;match.reason.sameCommunity;match.reason.available|3|10;match.reason.load|1',
       x.created_at, 'bench.social',
       CASE WHEN x.status IN ('STARTED','DONE') THEN x.registered_at + x.span * 0.4 END,
       CASE WHEN x.status = 'DONE' THEN x.registered_at + x.span * 0.6
            WHEN x.status = 'CANCELLED' THEN x.registered_at + x.span * 0.25 END,
       CASE WHEN x.status = 'DONE' THEN '已完成服务，居民签字确认。'
            WHEN x.status = 'CANCELLED' THEN '资源方临时无法提供，取消后重新匹配。' END,
       0
FROM (SELECT b.*, b.registered_at + b.span * (0.1 + 0.1 * b.seq) AS created_at FROM bench_action b) x
JOIN bench_pool r ON r.sd = x.sd AND r.pool = x.pool AND r.rn = x.rn;

INSERT INTO docking_action_participant (action_id, participant)
SELECT a.id, '志愿者' || (1 + pg_temp.h(a.id, 60, 50)) || '号' FROM docking_action a
WHERE a.id > 30000000 AND pg_temp.h(a.id, 61, 3) = 0
UNION ALL
SELECT a.id, '网格员' || (1 + pg_temp.h(a.id, 62, 7)) FROM docking_action a
WHERE a.id > 30000000 AND pg_temp.h(a.id, 61, 3) = 0 AND pg_temp.h(a.id, 63, 2) = 0;

-- What the planned and started actions hold (the CHECK refuses anything above capacity).
UPDATE resource r SET reserved = s.held
FROM (SELECT resource_id, sum(quantity) AS held FROM docking_action
      WHERE id > 30000000 AND status IN ('PLANNED','STARTED') GROUP BY resource_id) s
WHERE r.id = s.resource_id;

DROP TABLE bench_action, bench_pool, bench_pool_size;
COMMIT;
VACUUM ANALYZE actor;
VACUUM ANALYZE need;
VACUUM ANALYZE resource;
VACUUM ANALYZE docking_action;
VACUUM ANALYZE docking_action_participant;
SELECT (SELECT count(*) FROM need) AS needs, (SELECT count(*) FROM resource) AS resources,
       (SELECT count(*) FROM resource WHERE category_code IS NULL) AS general_resources,
       (SELECT count(*) FROM resource WHERE reserved > 0) AS reserved_resources,
       (SELECT count(*) FROM docking_action) AS actions,
       (SELECT count(*) FROM docking_action WHERE status IN ('PLANNED','STARTED')) AS active_actions,
       (SELECT count(*) FROM docking_action WHERE status IN ('PLANNED','STARTED') AND due_on < current_date)
         AS overdue_actions;
SELECT status, count(*) FROM need GROUP BY status ORDER BY status;
