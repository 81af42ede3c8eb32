package org.wushe.assessment.application;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.wushe.fund.domain.LimitBound;
import org.wushe.fund.domain.Money;
import org.wushe.fund.domain.ShareLimits;
import org.wushe.fund.domain.Strictness;

/**
 * The assessment's figure "fund spending by category against limits" (docs/assessment.md): per
 * community and month, each category's year-to-date allocations (by allocation date) and spending
 * (by spending date) up to the month's end, their shares of the community's totals, the year's
 * limits and whether the shares break them — by the fund's own rule ({@link Money#share},
 * {@link ShareLimits#broken}). Taken with the snapshot (set-based, one query per table) into
 * {@code assessment_fund_share}; read by the dashboards and the monthly reports.
 */
public final class FundShares {

    /** One category of a community's month. Shares in basis points (2000 = 20%). */
    public record Row(String categoryCode, long allocatedFen, int allocatedBp, long spentMonthFen, long spentFen,
                      int spentBp, Integer maxBp, String maxStrictness, Integer minBp, String minStrictness,
                      boolean allocatedBroken, boolean spentBroken) {

        public boolean breaking() {
            return allocatedBroken || spentBroken;
        }

        /** The limits as text, e.g. "≤ 15.00% 软 / ≥ 20.00% 硬" (empty when none). */
        public String limitsZh() {
            List<String> parts = new ArrayList<>();
            if (maxBp != null) {
                parts.add("上限 " + Money.percent(maxBp) + ("HARD".equals(maxStrictness) ? "（硬）" : "（软）"));
            }
            if (minBp != null) {
                parts.add("下限 " + Money.percent(minBp) + ("HARD".equals(minStrictness) ? "（硬）" : "（软）"));
            }
            return String.join("，", parts);
        }
    }

    /** A community's rows, by code and name. */
    public record Table(long communityId, String communityCode, String communityName, List<Row> rows) {
    }

    private FundShares() {
    }

    /** Replaces the month's rows with those of every community that allocated or spent in the year so far. */
    static int take(Connection c, YearMonth month, Timestamp now) throws SQLException {
        Date yearStart = Date.valueOf(month.atDay(1).withDayOfYear(1));
        Date first = Date.valueOf(month.atDay(1));
        Date next = Date.valueOf(month.plusMonths(1).atDay(1));
        Map<Long, Map<String, long[]>> money = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT community_id, category_code, SUM(amount_fen) FROM fund_allocation"
                + " WHERE status = 'BOOKED' AND allocated_on >= ? AND allocated_on < ? GROUP BY community_id, category_code")) {
            ps.setDate(1, yearStart);
            ps.setDate(2, next);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    money.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).computeIfAbsent(rs.getString(2),
                            k -> new long[3])[0] = rs.getLong(3);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT community_id, category_code, SUM(amount_fen),"
                + " SUM(CASE WHEN spent_on >= ? THEN amount_fen ELSE 0 END) FROM fund_expenditure"
                + " WHERE status = 'BOOKED' AND spent_on >= ? AND spent_on < ? GROUP BY community_id, category_code")) {
            ps.setDate(1, first);
            ps.setDate(2, yearStart);
            ps.setDate(3, next);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] v = money.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).computeIfAbsent(rs.getString(2),
                            k -> new long[3]);
                    v[1] = rs.getLong(3);
                    v[2] = rs.getLong(4);
                }
            }
        }
        Map<String, List<ShareLimits.Limit>> limits = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT category_code, bound, share_bp, strictness FROM fund_limit"
                + " WHERE limit_year = ?")) {
            ps.setInt(1, month.getYear());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    limits.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ShareLimits.Limit(rs.getString(1),
                            LimitBound.valueOf(rs.getString(2)), rs.getInt(3), Strictness.valueOf(rs.getString(4))));
                }
            }
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM assessment_fund_share WHERE period_month = ?")) {
            del.setDate(1, first);
            del.executeUpdate();
        }
        int n = 0;
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO assessment_fund_share (period_month, community_id,"
                + " category_code, allocated_fen, allocated_bp, spent_month_fen, spent_fen, spent_bp, max_bp, max_strictness,"
                + " min_bp, min_strictness, allocated_broken, spent_broken, taken_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, Map<String, long[]>> e : money.entrySet()) {
                for (Row r : rows(e.getValue(), limits)) {
                    ins.setDate(1, first);
                    ins.setLong(2, e.getKey());
                    ins.setString(3, r.categoryCode());
                    ins.setLong(4, r.allocatedFen());
                    ins.setInt(5, r.allocatedBp());
                    ins.setLong(6, r.spentMonthFen());
                    ins.setLong(7, r.spentFen());
                    ins.setInt(8, r.spentBp());
                    ins.setObject(9, r.maxBp(), java.sql.Types.INTEGER);
                    ins.setString(10, r.maxStrictness());
                    ins.setObject(11, r.minBp(), java.sql.Types.INTEGER);
                    ins.setString(12, r.minStrictness());
                    ins.setShort(13, (short) (r.allocatedBroken() ? 1 : 0));
                    ins.setShort(14, (short) (r.spentBroken() ? 1 : 0));
                    ins.setTimestamp(15, now);
                    ins.addBatch();
                    if (++n % 1000 == 0) {
                        ins.executeBatch();
                    }
                }
            }
            ins.executeBatch();
        }
        return money.size();
    }

    /**
     * A community's rows from its sums per category ({allocated, spent in the year, spent in the
     * month}) and the year's limits: every category with money or with a limit (a floor with no
     * money breaks it once there is any money elsewhere).
     */
    static List<Row> rows(Map<String, long[]> money, Map<String, List<ShareLimits.Limit>> limits) {
        long allocated = money.values().stream().mapToLong(v -> v[0]).sum();
        long spent = money.values().stream().mapToLong(v -> v[1]).sum();
        TreeSet<String> categories = new TreeSet<>(money.keySet());
        categories.addAll(limits.keySet());
        List<Row> rows = new ArrayList<>();
        for (String cat : categories) {
            long[] v = money.getOrDefault(cat, new long[3]);
            Integer maxBp = null;
            Integer minBp = null;
            String maxS = null;
            String minS = null;
            boolean aBroken = false;
            boolean sBroken = false;
            for (ShareLimits.Limit l : limits.getOrDefault(cat, List.of())) {
                if (l.bound() == LimitBound.MAX) {
                    maxBp = l.shareBp();
                    maxS = l.strictness().name();
                } else {
                    minBp = l.shareBp();
                    minS = l.strictness().name();
                }
                aBroken |= ShareLimits.broken(v[0], allocated, l);
                sBroken |= ShareLimits.broken(v[1], spent, l);
            }
            rows.add(new Row(cat, v[0], (int) Money.share(v[0], allocated), v[2], v[1], (int) Money.share(v[1], spent),
                    maxBp, maxS, minBp, minS, aBroken, sBroken));
        }
        return rows;
    }

    /**
     * The month's tables of the communities matching {@code where} (SQL over {@code c} = community,
     * {@code sd} = sub_district, with its parameters), by community code.
     */
    public static List<Table> read(Connection c, YearMonth month, String where, List<Object> params) throws SQLException {
        Map<Long, Table> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.community_id, c.code, c.name, f.category_code, f.allocated_fen,"
                + " f.allocated_bp, f.spent_month_fen, f.spent_fen, f.spent_bp, f.max_bp, f.max_strictness, f.min_bp,"
                + " f.min_strictness, f.allocated_broken, f.spent_broken FROM assessment_fund_share f"
                + " JOIN community c ON c.id = f.community_id JOIN sub_district sd ON sd.id = c.sub_district_id"
                + " WHERE f.period_month = ?" + where + " ORDER BY c.code, f.category_code")) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 2, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Table t = tables.computeIfAbsent(id, k -> {
                        try {
                            return new Table(k, rs.getString(2), rs.getString(3), new ArrayList<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    int max = rs.getInt(10);
                    Integer maxBp = rs.wasNull() ? null : max;
                    int min = rs.getInt(12);
                    Integer minBp = rs.wasNull() ? null : min;
                    t.rows().add(new Row(rs.getString(4), rs.getLong(5), rs.getInt(6), rs.getLong(7), rs.getLong(8),
                            rs.getInt(9), maxBp, rs.getString(11), minBp, rs.getString(13), rs.getShort(14) == 1,
                            rs.getShort(15) == 1));
                }
            }
        }
        return new ArrayList<>(tables.values());
    }
}
