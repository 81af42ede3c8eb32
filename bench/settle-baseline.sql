-- The settlement benchmark's yardstick: what points-settle books for the verified service hours
-- that have no ledger transaction yet, written by hand as set-based SQL. The same text runs on
-- PostgreSQL and Derby through JDBC (the {fn TIMESTAMPADD} escape is translated by both drivers).
-- bench/SettleBench.java runs it in one transaction, times it and rolls it back, so the job then
-- finds the same work; :account_base, :tx_base and :entry_base are values just taken from the
-- sequences (the new rows take the ids after them, which is enough for a rolled-back run).
--
-- The pricing is the job's (PointRuleBook): points = per-hour points of the rule
-- HOUR.<position_type>, else HOUR.DEFAULT, times minutes / 60 rounded toward zero; nothing for a
-- source worth 0; a positive amount moves from the community's pool (REWARD_POOL, owner key
-- POOL:<community>) to the resident's VOLUNTEER account (owner key VOLUNTEER:<resident>) and expires
-- EXPIRY_MONTHS (default 24) after the day of verification; a negative one (a reversal) moves back
-- and does not expire. Missing accounts are opened first. (The price is filtered outside the derived
-- table that computes it: Derby 10.15 loses the rows whose own rule is missing when the
-- COALESCE over the outer joins stands in the same WHERE as the joins.)

-- 1. The accounts that are missing: the pool of every community that pays points, the volunteer
--    account of every resident who earns them (in the community of their sources; the lowest of
--    several, where the job takes the first it meets: one and the same for the bench city).
INSERT INTO point_account (id, community_id, account_kind, resident_id, owner_key, created_at, version)
SELECT :account_base + ROW_NUMBER() OVER (), x.community_id, x.account_kind, x.resident_id, x.owner_key,
       CURRENT_TIMESTAMP, 0
FROM (SELECT u.community_id, CAST('REWARD_POOL' AS VARCHAR(20)), CAST(NULL AS BIGINT),
             'POOL:' || TRIM(CAST(u.community_id AS CHAR(20)))
      FROM (SELECT DISTINCT s.community_id
            FROM (SELECT h.community_id, h.resident_id, COALESCE(r.points, d.points, 0) * h.minutes / 60 AS points
                  FROM service_hours h
                  JOIN volunteer_position p ON p.id = h.position_id
                  LEFT JOIN point_rule r ON r.rule_code = 'HOUR.' || p.position_type
                  LEFT JOIN point_rule d ON d.rule_code = 'HOUR.DEFAULT'
                  WHERE h.status = 'VERIFIED'
                    AND NOT EXISTS (SELECT 1 FROM point_transaction t
                                    WHERE t.source_type = 'SERVICE_HOURS' AND t.source_id = h.id)) s
            WHERE s.points <> 0) u
      UNION ALL
      SELECT MIN(s.community_id), CAST('VOLUNTEER' AS VARCHAR(20)), s.resident_id,
             'VOLUNTEER:' || TRIM(CAST(s.resident_id AS CHAR(20)))
      FROM (SELECT h.community_id, h.resident_id, COALESCE(r.points, d.points, 0) * h.minutes / 60 AS points
      FROM service_hours h
      JOIN volunteer_position p ON p.id = h.position_id
      LEFT JOIN point_rule r ON r.rule_code = 'HOUR.' || p.position_type
      LEFT JOIN point_rule d ON d.rule_code = 'HOUR.DEFAULT'
      WHERE h.status = 'VERIFIED'
        AND NOT EXISTS (SELECT 1 FROM point_transaction t
                        WHERE t.source_type = 'SERVICE_HOURS' AND t.source_id = h.id)) s
      WHERE s.points <> 0
      GROUP BY s.resident_id) x (community_id, account_kind, resident_id, owner_key)
WHERE NOT EXISTS (SELECT 1 FROM point_account a WHERE a.owner_key = x.owner_key);

-- 2. One transaction per source worth something.
INSERT INTO point_transaction (id, source_type, source_id, community_id, created_at, memo)
SELECT :tx_base + ROW_NUMBER() OVER (), 'SERVICE_HOURS', s.id, s.community_id, CURRENT_TIMESTAMP,
       CASE WHEN s.points < 0 THEN s.name || ' (reversal)' ELSE s.name END
FROM (SELECT h.id, h.community_id, p.name, COALESCE(r.points, d.points, 0) * h.minutes / 60 AS points
      FROM service_hours h
      JOIN volunteer_position p ON p.id = h.position_id
      LEFT JOIN point_rule r ON r.rule_code = 'HOUR.' || p.position_type
      LEFT JOIN point_rule d ON d.rule_code = 'HOUR.DEFAULT'
      WHERE h.status = 'VERIFIED'
        AND NOT EXISTS (SELECT 1 FROM point_transaction t
                        WHERE t.source_type = 'SERVICE_HOURS' AND t.source_id = h.id)) s
WHERE s.points <> 0;

-- 3. Its two entries: side 1 takes the points from the payer, side 2 gives them to the receiver.
INSERT INTO point_entry (id, transaction_id, account_id, amount, created_at, expires_on)
SELECT :entry_base + 2 * (t.id - :tx_base) - 2 + side.k, t.id,
       CASE WHEN (side.k = 1 AND s.points > 0) OR (side.k = 2 AND s.points < 0) THEN pool.id ELSE earner.id END,
       CASE WHEN side.k = 1 THEN 0 - ABS(s.points) ELSE ABS(s.points) END,
       t.created_at,
       CASE WHEN side.k = 2 AND s.points > 0
            THEN CAST({fn TIMESTAMPADD(SQL_TSI_MONTH, s.months, s.verified_at)} AS DATE) END
FROM point_transaction t
JOIN (SELECT h.id, h.resident_id, h.verified_at, COALESCE(r.points, d.points, 0) * h.minutes / 60 AS points,
             CAST(COALESCE(m.points, 24) AS INTEGER) AS months
      FROM service_hours h
      JOIN volunteer_position p ON p.id = h.position_id
      LEFT JOIN point_rule r ON r.rule_code = 'HOUR.' || p.position_type
      LEFT JOIN point_rule d ON d.rule_code = 'HOUR.DEFAULT'
      LEFT JOIN point_rule m ON m.rule_code = 'EXPIRY_MONTHS') s ON s.id = t.source_id
JOIN point_account pool ON pool.owner_key = 'POOL:' || TRIM(CAST(t.community_id AS CHAR(20)))
JOIN point_account earner ON earner.owner_key = 'VOLUNTEER:' || TRIM(CAST(s.resident_id AS CHAR(20)))
CROSS JOIN (VALUES (1), (2)) side (k)
WHERE t.source_type = 'SERVICE_HOURS' AND t.id > :tx_base;
