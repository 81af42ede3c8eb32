package org.wushe.reports.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.wushe.assessment.application.FundShares;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;
import org.wushe.shared.CsvCells;

/**
 * The rows of the monthly CSV files, and how they are written: UTF-8 with a byte order mark (so a
 * spreadsheet opens the Chinese text right), CRLF line ends, quoted where needed (Commons CSV), every
 * cell through {@link CsvCells} (no formula; figures stay plain numbers). The header row is in
 * Chinese (bundle keys {@code csv.header.*}); each column's code, for programs that read the files,
 * is listed with its header in docs/reports.md ({@link #COMMUNITY_CODES}, {@link #cityCodesWithFund()}).
 */
public final class CsvRows {

    /** The community file's columns by code: the figure's code, its Chinese name, its value, its unit. */
    public static final List<String> COMMUNITY_CODES = List.of("code", "name_zh", "value", "unit");

    /** The community file's header row: {@code 指标代码,指标名称,数值,单位}. */
    public static final List<String> COMMUNITY_HEADER = COMMUNITY_CODES.stream().map(CsvRows::header).toList();

    private CsvRows() {
    }

    /** A community's month: one row per figure (code, Chinese name, value in its unit, unit). */
    public static List<List<String>> community(Figures f) {
        List<List<String>> rows = new ArrayList<>();
        for (Metric m : FigureText.ORDER) {
            rows.add(List.of(m.name(), FigureText.name(m), FigureText.csv(m, f.get(m)), FigureText.unit(m)));
        }
        return rows;
    }

    /** The city file's columns by code: the community, its sub-district, then every figure by its code. */
    public static List<String> cityCodes() {
        List<String> h = new ArrayList<>(List.of("community_code", "community_name", "sub_district_code", "sub_district_name"));
        for (Metric m : FigureText.ORDER) {
            h.add(m.name());
        }
        return h;
    }

    /** The city file's header row: the Chinese header of each of {@link #cityCodes()}. */
    public static List<String> cityHeader() {
        return cityCodes().stream().map(CsvRows::header).toList();
    }

    /**
     * The Chinese header of a column code: a figure's name with its unit ({@code 需求办结率（%）}),
     * or the bundle's {@code csv.header.<code>}.
     */
    public static String header(String code) {
        for (Metric m : FigureText.ORDER) {
            if (m.name().equals(code)) {
                return ReportTexts.text("csv.header.figure", FigureText.name(m), FigureText.unit(m));
            }
        }
        return ReportTexts.text("csv.header." + code);
    }

    /** One community of the city file. */
    public static List<String> cityRow(String code, String name, String subDistrictCode, String subDistrictName, Figures f) {
        List<String> row = new ArrayList<>(List.of(code, name, subDistrictCode, subDistrictName));
        for (Metric m : FigureText.ORDER) {
            row.add(FigureText.csv(m, f.get(m)));
        }
        return row;
    }

    /** The city file's fund columns after the figures: each category's spending share, and the categories breaking a limit. */
    public static final List<String> FUND_COLUMNS = List.of("FUND_SPENT_SHARES", "FUND_BREAKING_CATEGORIES");

    /** The city file's columns by code with its fund columns. */
    public static List<String> cityCodesWithFund() {
        List<String> h = new ArrayList<>(cityCodes());
        h.addAll(FUND_COLUMNS);
        return h;
    }

    /** The city file's header row with its fund columns, in Chinese. */
    public static List<String> cityHeaderWithFund() {
        return cityCodesWithFund().stream().map(CsvRows::header).toList();
    }

    /**
     * A community's fund cells of the city file: "ELDER_CARE=66.66;PUBLICITY=33.33" (spending shares
     * in percent) and "ELDER_RENOVATION;PUBLICITY" (the categories breaking a limit).
     */
    public static List<String> cityFundCells(List<FundShares.Row> rows) {
        return List.of(rows.stream().map(r -> r.categoryCode() + "=" + bpPercent(r.spentBp())).collect(Collectors.joining(";")),
                rows.stream().filter(FundShares.Row::breaking).map(FundShares.Row::categoryCode).collect(Collectors.joining(";")));
    }

    /** The fund cells of a community without fund figures. */
    public static final List<String> NO_FUND_CELLS = List.of("", "");

    /**
     * A community file's fund rows: per category its allocation and spending shares (codes
     * FUND_ALLOCATED_SHARE.&lt;category&gt; and FUND_SPENT_SHARE.&lt;category&gt;), then the number of
     * categories breaking a limit; the category names from {@code names} (code when missing).
     */
    public static List<List<String>> fund(List<FundShares.Row> fund, Map<String, String> names) {
        List<List<String>> rows = new ArrayList<>();
        for (FundShares.Row r : fund) {
            String name = names.getOrDefault(r.categoryCode(), r.categoryCode());
            String limits = r.limitsZh().isEmpty() ? "" : ReportTexts.text("csv.fund.limits", r.limitsZh());
            rows.add(List.of("FUND_ALLOCATED_SHARE." + r.categoryCode(), ReportTexts.text("csv.fund.allocated", name, limits,
                    r.allocatedBroken() ? ReportTexts.text("csv.fund.broken") : ""), bpPercent(r.allocatedBp()), "%"));
            rows.add(List.of("FUND_SPENT_SHARE." + r.categoryCode(), ReportTexts.text("csv.fund.spent", name, limits,
                    r.spentBroken() ? ReportTexts.text("csv.fund.broken") : ""), bpPercent(r.spentBp()), "%"));
        }
        if (!fund.isEmpty()) {
            rows.add(List.of("FUND_BREAKING_CATEGORIES", ReportTexts.text("csv.fund.breaking"),
                    String.valueOf(fund.stream().filter(FundShares.Row::breaking).count()), ReportTexts.text("csv.fund.breaking.unit")));
        }
        return rows;
    }

    /** Basis points as a percentage with two decimals (3333 → 33.33), the unit of the files' shares. */
    public static String bpPercent(int bp) {
        return String.format(Locale.ROOT, "%d.%02d", bp / 100, bp % 100);
    }

    public static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
    }

    /** A printer on {@code out} that has written the byte order mark and the header. Close it to flush. */
    public static CSVPrinter open(OutputStream out, List<String> header) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter p = new CSVPrinter(w, format());
        p.printRecord(CsvCells.row(header));
        return p;
    }
}
