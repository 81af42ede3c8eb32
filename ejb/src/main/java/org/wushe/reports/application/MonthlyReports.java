package org.wushe.reports.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVPrinter;
import org.wushe.assessment.application.FundShares;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;
import org.wushe.reports.domain.CsvRows;
import org.wushe.reports.domain.FigureText;
import org.wushe.reports.domain.ReportKind;
import org.wushe.reports.pdf.Charts;
import org.wushe.reports.pdf.PdfReport;
import org.wushe.reports.pdf.ReportFont;

/**
 * The monthly bureau report (docs/reports.md), from the assessment snapshots only: per community a
 * PDF (every figure with the city median, the twelve-month trend of the closure rate, a chart of
 * the month's key figures) and a CSV; for the city a PDF (the sub-districts, the communities with
 * the highest and lowest closure rate, a chart by sub-district) and a CSV of every community. The
 * job {@code reports-monthly} calls it one community at a time, then for the city. Internal to the
 * job: no caller checks.
 */
@Stateless
public class MonthlyReports {

    /** How many communities the city report names at the top and at the bottom. */
    static final int RANKED = 10;

    /** The key figures of a community's bar chart (counts of the month). */
    private static final List<Metric> KEY = List.of(Metric.NEEDS_REGISTERED, Metric.NEEDS_CLOSED,
            Metric.SERVICES_COMPLETED, Metric.DISTINCT_PARTICIPANTS, Metric.ATTENDANCES, Metric.INSPECTIONS);

    /** What the city report found: communities reported, and communities without a snapshot for the month. */
    public record CityResult(int communities, int withoutSnapshot) {
    }

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @EJB
    ReportWriting writing;

    @Inject
    Clock clock;

    /** The month a job parameter names ({@code yyyy-MM}), or the month before today's when blank. */
    public YearMonth month(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        }
        try {
            return YearMonth.parse(parameter.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("job parameter month must be yyyy-MM, not '" + parameter + "'", e);
        }
    }

    /**
     * The next communities after {@code afterId} in id order, all of them or only those with the
     * given codes (a job parameter: codes separated by commas or spaces).
     */
    public List<Long> communityPage(long afterId, int size, String codes) {
        List<String> only = codes(codes);
        String sql = "SELECT id FROM community WHERE id > ?"
                + (only.isEmpty() ? "" : " AND code IN (" + only.stream().map(c -> "?").collect(Collectors.joining(",")) + ")")
                + " ORDER BY id FETCH FIRST " + Math.max(1, size) + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, afterId);
            for (int i = 0; i < only.size(); i++) {
                ps.setString(i + 2, only.get(i));
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the communities", e);
        }
    }

    static List<String> codes(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(codes.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public boolean hasSnapshot(long communityId, YearMonth month) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM assessment_snapshot"
                     + " WHERE period_month = ? AND community_id = ?) + (SELECT COUNT(*) FROM assessment_fund_share"
                     + " WHERE period_month = ? AND community_id = ?) FROM community WHERE id = ?")) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            ps.setLong(2, communityId);
            ps.setDate(3, Date.valueOf(month.atDay(1)));
            ps.setLong(4, communityId);
            ps.setLong(5, communityId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the assessment snapshot", e);
        }
    }

    /**
     * The city median of each figure over the communities with a snapshot for the month (a
     * community without a count counts 0; a ratio or median it lacks is left out). Read one figure
     * at a time, so it holds at most one value per community.
     */
    public Map<Metric, BigDecimal> cityMedians(YearMonth month) {
        Map<Metric, BigDecimal> medians = new EnumMap<>(Metric.class);
        try (Connection c = dataSource.getConnection()) {
            long communities;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT community_id) FROM assessment_snapshot"
                    + " WHERE period_month = ?")) {
                ps.setDate(1, Date.valueOf(month.atDay(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    communities = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT metric, metric_value FROM assessment_snapshot"
                    + " WHERE period_month = ? ORDER BY metric, metric_value")) {
                ps.setDate(1, Date.valueOf(month.atDay(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    String current = null;
                    List<BigDecimal> values = new ArrayList<>();
                    while (rs.next()) {
                        String m = rs.getString(1);
                        if (current != null && !current.equals(m)) {
                            putMedian(medians, current, values, communities);
                        }
                        current = m;
                        values.add(rs.getBigDecimal(2));
                    }
                    if (current != null) {
                        putMedian(medians, current, values, communities);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the assessment snapshots of " + month, e);
        }
        return medians;
    }

    private static void putMedian(Map<Metric, BigDecimal> medians, String metric, List<BigDecimal> sorted, long communities) {
        Metric m = Metric.valueOf(metric);
        List<BigDecimal> all = new ArrayList<>();
        if (m.additive()) {
            for (long i = sorted.size(); i < communities; i++) {
                all.add(BigDecimal.ZERO);
            }
        }
        all.addAll(sorted);
        sorted.clear();
        median(all).ifPresent(v -> medians.put(m, v));
    }

    /** The median of sorted values (the mean of the middle two for an even count). */
    static Optional<BigDecimal> median(List<BigDecimal> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return Optional.empty();
        }
        if (n % 2 == 1) {
            return Optional.of(sorted.get(n / 2));
        }
        return Optional.of(sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4, java.math.RoundingMode.HALF_UP));
    }

    private record Place(long id, String code, String name, String subDistrictCode, String subDistrictName) {
    }

    /**
     * Writes the community's PDF and CSV for the month, replacing those of an earlier run, in the
     * report font the caller read once for its documents.
     *
     * @return false when the community has no snapshot for the month (nothing written)
     */
    public boolean writeCommunity(long communityId, YearMonth month, Map<Metric, BigDecimal> medians, ReportOutput output,
                                  ReportFont.Parsed font) {
        Place place;
        Figures figures;
        Map<YearMonth, Figures> trend;
        List<FundShares.Row> fund;
        try (Connection c = dataSource.getConnection()) {
            place = place(c, communityId);
            figures = figures(c, communityId, month);
            List<FundShares.Table> tables = FundShares.read(c, month, " AND c.id = ?", List.of(communityId));
            fund = tables.isEmpty() ? List.of() : tables.get(0).rows();
            if (figures.asMap().isEmpty() && fund.isEmpty()) {
                return false;
            }
            trend = trend(c, communityId, month);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the assessment snapshot of community " + communityId, e);
        }
        String period = month.toString();
        String base = "community-" + safe(place.code()) + "-" + period;
        writing.write(output, ReportKind.COMMUNITY_MONTHLY_PDF, communityId, period, base + ".pdf",
                out -> communityPdf(font, place, month, figures, medians, trend, fund, out));
        writing.write(output, ReportKind.COMMUNITY_MONTHLY_CSV, communityId, period, base + ".csv", out -> {
            try (CSVPrinter p = CsvRows.open(out, CsvRows.COMMUNITY_HEADER)) {
                p.printRecords(CsvRows.community(figures));
                p.printRecords(fundCsv(fund, categoryNames()));
            }
        });
        return true;
    }

    private void communityPdf(ReportFont.Parsed font, Place place, YearMonth month, Figures f, Map<Metric, BigDecimal> medians,
                              Map<YearMonth, Figures> trend, List<FundShares.Row> fund, java.io.OutputStream out)
            throws IOException {
        Charts charts = new Charts(font.source());
        String title = place.name() + " 社区月度考核报告";
        try (PdfReport pdf = PdfReport.create(font)) {
            pdf.metadata(title + " " + month, "社区月度考核报告 " + month, "民政局 五社联动平台",
                    "月报, " + place.code() + ", " + month);
            pdf.title(title).subtitle("社区：" + place.name() + "（" + place.code() + "）　街道：" + place.subDistrictName()
                    + "　月份：" + month.getYear() + " 年 " + month.getMonthValue() + " 月（" + month + "）");
            pdf.paragraph("本报告的数据全部取自本月的考核快照（docs/assessment.md）：每项指标的本月数值，及全市有快照的社区的中位数。"
                    + "需求办结率 = 本月办结需求 ÷ 本月应办需求；无应办需求时不计（“—”）。");
            pdf.heading("本月指标");
            List<List<String>> rows = new ArrayList<>();
            for (Metric m : FigureText.ORDER) {
                rows.add(List.of(FigureText.name(m), FigureText.display(m, f.get(m)), FigureText.unit(m),
                        FigureText.display(m, Optional.ofNullable(medians.get(m)))));
            }
            pdf.table(new PdfReport.Table(List.of("指标", "本月", "单位", "全市中位数"), rows,
                    new boolean[] {false, true, false, true}, new float[] {4, 2, 1.2f, 2}));
            pdf.heading("近十二个月需求办结率");
            List<Charts.Point> points = new ArrayList<>();
            // a month without a closure rate (no snapshot, or no need to close) is a gap, not a 0
            trend.forEach((m, tf) -> points.add(new Charts.Point(m.toString(), tf.get(Metric.NEEDS_CLOSURE_RATE)
                    .map(v -> FigureText.chart(Metric.NEEDS_CLOSURE_RATE, Optional.of(v))).orElse(null))));
            pdf.image(charts.line("需求办结率（%）", "%", "需求办结率", points, 900, 420), "trend", 210);
            pdf.heading("本月关键指标");
            List<Charts.Point> key = new ArrayList<>();
            for (Metric m : KEY) {
                key.add(new Charts.Point(FigureText.name(m), FigureText.chart(m, f.get(m))));
            }
            pdf.image(charts.bar("本月关键指标", "数量", "本月", key, 900, 420), "key", 210);
            pdf.heading("基金按类别支出与比例限制（年初至今）");
            if (fund.isEmpty()) {
                pdf.paragraph("本年至本月末无基金拨款或支出。");
            } else {
                Map<String, String> names = categoryNames();
                List<List<String>> shares = new ArrayList<>();
                for (FundShares.Row r : fund) {
                    shares.add(List.of(names.getOrDefault(r.categoryCode(), r.categoryCode()),
                            org.wushe.fund.domain.Money.format(r.allocatedFen()),
                            org.wushe.fund.domain.Money.percent(r.allocatedBp()) + (r.allocatedBroken() ? " 超限" : ""),
                            org.wushe.fund.domain.Money.format(r.spentFen()),
                            org.wushe.fund.domain.Money.percent(r.spentBp()) + (r.spentBroken() ? " 超限" : ""),
                            r.limitsZh().isEmpty() ? "—" : r.limitsZh() + (r.breaking() ? "　超出限制" : "")));
                }
                pdf.table(new PdfReport.Table(List.of("类别", "拨款（元）", "拨款占比", "支出（元）", "支出占比", "限制"), shares,
                        new boolean[] {false, true, true, true, true, false}, new float[] {2.2f, 2, 1.4f, 2, 1.4f, 3}));
                pdf.note("占比 = 该类别年初至本月末的拨款（按拨款日期）或支出（按支出日期）÷ 本社区同期合计；“超限”表示该占比超出本年度的比例限制。");
            }
            pdf.note("生成时间：" + clock.instant().atZone(clock.getZone()).toLocalDateTime().withNano(0).toString().replace('T', ' '));
            pdf.save(out);
        }
    }

    /** Writes the city's PDF and CSV for the month, streaming the snapshot one community at a time. */
    public CityResult writeCity(YearMonth month, ReportOutput output) {
        ReportFont font = ReportFont.at(output.font());
        String period = month.toString();
        Map<String, String> sdNames = new TreeMap<>();
        Map<String, List<Map<Metric, BigDecimal>>> sdParts = new TreeMap<>();
        Map<String, Integer> sdCount = new TreeMap<>();
        Comparator<Ranked> byRate = Comparator.comparing(Ranked::rate).thenComparing(Ranked::code);
        TreeSet<Ranked> top = new TreeSet<>(byRate);
        TreeSet<Ranked> bottom = new TreeSet<>(byRate);
        int[] counts = new int[2];
        Map<String, String[]> fundByCode = cityFund(month);
        List<String> header = new ArrayList<>(CsvRows.cityHeader());
        header.addAll(FUND_COLUMNS);
        writing.write(output, ReportKind.CITY_MONTHLY_CSV, null, period, "city-" + period + ".csv", out -> {
            try (CSVPrinter p = CsvRows.open(out, header); Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT c.id, c.code, c.name, sd.code, sd.name, s.metric, s.metric_value"
                         + " FROM assessment_snapshot s JOIN community c ON c.id = s.community_id"
                         + " JOIN sub_district sd ON sd.id = c.sub_district_id WHERE s.period_month = ?"
                         + " ORDER BY sd.code, c.code")) {
                ps.setDate(1, Date.valueOf(month.atDay(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    String[] current = null;
                    Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
                    while (rs.next()) {
                        if (current != null && !current[0].equals(rs.getString(2))) {
                            community(p, current, values, fundByCode, sdNames, sdParts, sdCount, top, bottom);
                            counts[0]++;
                            values = new EnumMap<>(Metric.class);
                        }
                        current = new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
                        values.put(Metric.valueOf(rs.getString(6)), rs.getBigDecimal(7));
                    }
                    if (current != null) {
                        community(p, current, values, fundByCode, sdNames, sdParts, sdCount, top, bottom);
                        counts[0]++;
                    }
                }
            } catch (SQLException e) {
                throw new IOException("cannot read the assessment snapshots of " + month, e);
            }
        });
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM community c WHERE NOT EXISTS"
                     + " (SELECT 1 FROM assessment_snapshot s WHERE s.period_month = ? AND s.community_id = c.id)")) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                counts[1] = rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the communities without a snapshot", e);
        }
        CityResult result = new CityResult(counts[0], counts[1]);
        Map<String, Figures> bySd = new LinkedHashMap<>();
        sdParts.forEach((code, parts) -> bySd.put(code, new Figures(parts.get(0)).withRatios()));
        writing.write(output, ReportKind.CITY_MONTHLY_PDF, null, period, "city-" + period + ".pdf",
                out -> cityPdf(font, month, result, sdNames, bySd, sdCount, top, bottom, out));
        return result;
    }

    /** A community of the city's ranking by closure rate. */
    private record Ranked(String code, String name, String subDistrict, BigDecimal rate, Figures figures) {
    }

    private static void community(CSVPrinter p, String[] place, Map<Metric, BigDecimal> values, Map<String, String[]> fund,
                                  Map<String, String> sdNames,
                                  Map<String, List<Map<Metric, BigDecimal>>> sdParts, Map<String, Integer> sdCount,
                                  TreeSet<Ranked> top, TreeSet<Ranked> bottom) throws IOException {
        Figures f = new Figures(values);
        List<String> row = new ArrayList<>(CsvRows.cityRow(place[0], place[1], place[2], place[3], f));
        row.addAll(List.of(fund.getOrDefault(place[0], new String[] {"", ""})));
        p.printRecord(row);
        sdNames.put(place[2], place[3]);
        sdCount.merge(place[2], 1, Integer::sum);
        // one running sum of the additive figures per sub-district
        Map<Metric, BigDecimal> sum = sdParts.computeIfAbsent(place[2], k -> new ArrayList<>(List.of(new EnumMap<>(Metric.class)))).get(0);
        values.forEach((m, v) -> {
            if (m.additive()) {
                sum.merge(m, v, BigDecimal::add);
            }
        });
        f.get(Metric.NEEDS_CLOSURE_RATE).ifPresent(rate -> {
            Ranked r = new Ranked(place[0], place[1], place[3], rate, f);
            top.add(r);
            if (top.size() > RANKED) {
                top.pollFirst();
            }
            bottom.add(r);
            if (bottom.size() > RANKED) {
                bottom.pollLast();
            }
        });
    }

    private void cityPdf(ReportFont font, YearMonth month, CityResult result, Map<String, String> sdNames,
                         Map<String, Figures> bySd, Map<String, Integer> sdCount, TreeSet<Ranked> top, TreeSet<Ranked> bottom,
                         java.io.OutputStream out) throws IOException {
        Charts charts = new Charts(font);
        String title = "全市社区月度考核报告";
        List<Metric> columns = List.of(Metric.NEEDS_REGISTERED, Metric.NEEDS_CLOSED, Metric.NEEDS_CLOSURE_RATE,
                Metric.SATISFACTION_AVG, Metric.SERVICES_COMPLETED, Metric.SERVICE_SCORE, Metric.DISTINCT_PARTICIPANTS,
                Metric.ROTATION_SHARE, Metric.INSPECTIONS, Metric.INSPECTION_HOURS);
        try (PdfReport pdf = PdfReport.create(font)) {
            pdf.metadata(title + " " + month, title + " " + month, "民政局 五社联动平台", "月报, 全市, " + month);
            pdf.title(title).subtitle("月份：" + month.getYear() + " 年 " + month.getMonthValue() + " 月（" + month + "）");
            pdf.paragraph("本月有考核快照的社区 " + result.communities() + " 个，均列入本报告；"
                    + result.withoutSnapshot() + " 个社区本月无考核快照，未列入。"
                    + "街道与全市的比率由各社区的分项相加后重新计算（如办结率 = 办结需求之和 ÷ 应办需求之和），中位数不相加。");
            pdf.heading("各街道汇总");
            List<String> header = new ArrayList<>(List.of("街道", "社区数"));
            columns.forEach(m -> header.add(FigureText.name(m)));
            List<List<String>> rows = new ArrayList<>();
            boolean[] numeric = new boolean[header.size()];
            java.util.Arrays.fill(numeric, true);
            numeric[0] = false;
            for (Map.Entry<String, Figures> e : bySd.entrySet()) {
                rows.add(row(sdNames.get(e.getKey()), String.valueOf(sdCount.get(e.getKey())), e.getValue(), columns));
            }
            Figures city = Figures.together(bySd.values());
            rows.add(row("全市合计", String.valueOf(result.communities()), city, columns));
            float[] weights = new float[header.size()];
            java.util.Arrays.fill(weights, 1.3f);
            weights[0] = 2.6f;
            weights[1] = 1;
            pdf.table(new PdfReport.Table(header, rows, numeric, weights));
            List<Charts.Point> bars = new ArrayList<>();
            bySd.forEach((code, f) -> bars.add(new Charts.Point(sdNames.get(code),
                    FigureText.chart(Metric.NEEDS_CLOSURE_RATE, f.get(Metric.NEEDS_CLOSURE_RATE)))));
            pdf.heading("各街道需求办结率");
            pdf.image(charts.bar("各街道需求办结率（%）", "%", "需求办结率", bars, 900, 420), "bySubDistrict", 220);
            List<Ranked> best = new ArrayList<>(top.descendingSet());
            List<Ranked> worst = new ArrayList<>(bottom);
            pdf.heading("需求办结率最高的社区");
            pdf.table(ranking(best));
            pdf.heading("需求办结率最低的社区");
            pdf.table(ranking(worst));
            pdf.note("生成时间：" + clock.instant().atZone(clock.getZone()).toLocalDateTime().withNano(0).toString().replace('T', ' '));
            pdf.save(out);
        }
    }

    private static List<String> row(String name, String count, Figures f, List<Metric> columns) {
        List<String> row = new ArrayList<>(List.of(name, count));
        columns.forEach(m -> row.add(FigureText.display(m, f.get(m))));
        return row;
    }

    private static PdfReport.Table ranking(List<Ranked> ranked) {
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (Ranked r : ranked) {
            rows.add(List.of(String.valueOf(i++), r.code() + " " + r.name(), r.subDistrict(),
                    FigureText.display(Metric.NEEDS_CLOSURE_RATE, Optional.of(r.rate())),
                    FigureText.display(Metric.NEEDS_CLOSED, r.figures().get(Metric.NEEDS_CLOSED)),
                    FigureText.display(Metric.NEEDS_OPEN_BASE, r.figures().get(Metric.NEEDS_OPEN_BASE))));
        }
        return new PdfReport.Table(List.of("名次", "社区", "街道", "需求办结率", "办结需求", "应办需求"), rows,
                new boolean[] {true, false, false, true, true, true}, new float[] {1, 4, 3, 2, 2, 2});
    }

    private static Place place(Connection c, long communityId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.code, c.name, sd.code, sd.name FROM community c"
                + " JOIN sub_district sd ON sd.id = c.sub_district_id WHERE c.id = ?")) {
            ps.setLong(1, communityId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no community " + communityId);
                }
                return new Place(communityId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    private static Figures figures(Connection c, long communityId, YearMonth month) throws SQLException {
        Map<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT metric, metric_value FROM assessment_snapshot"
                + " WHERE period_month = ? AND community_id = ?")) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            ps.setLong(2, communityId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    v.put(Metric.valueOf(rs.getString(1)), rs.getBigDecimal(2));
                }
            }
        }
        return new Figures(v);
    }

    /** The community's twelve months up to {@code month}, ratios from their parts (a month without a snapshot is empty). */
    private static Map<YearMonth, Figures> trend(Connection c, long communityId, YearMonth month) throws SQLException {
        YearMonth from = month.minusMonths(11);
        Map<YearMonth, Map<Metric, BigDecimal>> parts = new TreeMap<>();
        for (YearMonth m = from; !m.isAfter(month); m = m.plusMonths(1)) {
            parts.put(m, new EnumMap<>(Metric.class));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT period_month, metric, metric_value FROM assessment_snapshot"
                + " WHERE community_id = ? AND period_month >= ? AND period_month <= ?")) {
            ps.setLong(1, communityId);
            ps.setDate(2, Date.valueOf(from.atDay(1)));
            ps.setDate(3, Date.valueOf(month.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Metric m = Metric.valueOf(rs.getString(2));
                    if (m.additive()) {
                        parts.get(YearMonth.from(rs.getDate(1).toLocalDate())).put(m, rs.getBigDecimal(3));
                    }
                }
            }
        }
        Map<YearMonth, Figures> trend = new LinkedHashMap<>();
        parts.forEach((m, v) -> trend.put(m, new Figures(v).withRatios()));
        return Collections.unmodifiableMap(trend);
    }

    /** The city CSV's fund columns: each category's spending share, and the categories breaking a limit. */
    static final List<String> FUND_COLUMNS = List.of("FUND_SPENT_SHARES", "FUND_BREAKING_CATEGORIES");

    /**
     * Per community code, the city CSV's fund cells: "ELDER_CARE=66.66;PUBLICITY=33.33" (spending
     * shares in percent) and "ELDER_RENOVATION;PUBLICITY" (the categories breaking a limit).
     */
    private Map<String, String[]> cityFund(YearMonth month) {
        Map<String, String[]> cells = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (FundShares.Table t : FundShares.read(c, month, "", List.of())) {
                cells.put(t.communityCode(), new String[] {
                        t.rows().stream().map(r -> r.categoryCode() + "=" + bpPercent(r.spentBp())).collect(Collectors.joining(";")),
                        t.rows().stream().filter(FundShares.Row::breaking).map(FundShares.Row::categoryCode)
                                .collect(Collectors.joining(";"))});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the fund shares of " + month, e);
        }
        return cells;
    }

    /** The community CSV's fund rows: per category its allocation and spending shares (code FUND_SPENT_SHARE.&lt;category&gt;…). */
    static List<List<String>> fundCsv(List<FundShares.Row> fund, Map<String, String> names) {
        List<List<String>> rows = new ArrayList<>();
        for (FundShares.Row r : fund) {
            String name = names.getOrDefault(r.categoryCode(), r.categoryCode());
            String limits = r.limitsZh().isEmpty() ? "" : "（" + r.limitsZh() + "）";
            rows.add(List.of("FUND_ALLOCATED_SHARE." + r.categoryCode(), "基金拨款占比：" + name + limits
                    + (r.allocatedBroken() ? " 超出限制" : ""), bpPercent(r.allocatedBp()), "%"));
            rows.add(List.of("FUND_SPENT_SHARE." + r.categoryCode(), "基金支出占比：" + name + limits
                    + (r.spentBroken() ? " 超出限制" : ""), bpPercent(r.spentBp()), "%"));
        }
        if (!fund.isEmpty()) {
            rows.add(List.of("FUND_BREAKING_CATEGORIES", "超出比例限制的类别数",
                    String.valueOf(fund.stream().filter(FundShares.Row::breaking).count()), "个"));
        }
        return rows;
    }

    /** Basis points as a percentage with two decimals (3333 → 33.33). */
    static String bpPercent(int bp) {
        return String.format(java.util.Locale.ROOT, "%d.%02d", bp / 100, bp % 100);
    }

    private Map<String, String> categoryNames() {
        Map<String, String> names = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT code, name_zh FROM fund_category");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the fund categories", e);
        }
        return names;
    }

    /** A code as part of a file name: letters, digits, '-' and '_' only. */
    static String safe(String code) {
        return code.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
