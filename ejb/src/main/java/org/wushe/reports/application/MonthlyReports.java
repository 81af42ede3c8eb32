package org.wushe.reports.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;
import org.wushe.assessment.application.FundShares;
import org.wushe.assessment.domain.Metric;
import org.wushe.reports.domain.CityTally;
import org.wushe.reports.domain.CsvRows;
import org.wushe.reports.domain.Place;
import org.wushe.reports.domain.ReportKind;
import org.wushe.reports.pdf.CityReportLayout;
import org.wushe.reports.pdf.CommunityReportLayout;
import org.wushe.reports.pdf.ReportFont;
import org.wushe.shared.CsvCells;

/**
 * The monthly bureau report (docs/reports.md), from the assessment snapshots only: per community a
 * PDF and a CSV, for the city a PDF and a CSV of every community. This class only runs a report:
 * it reads through {@link ReportSnapshots}, lays out with {@link CommunityReportLayout} and
 * {@link CityReportLayout}, writes rows with {@link CsvRows} and stores through {@link ReportWriting}.
 * The job {@code reports-monthly} calls it one community at a time, then for the city. Internal to
 * the job: no caller checks.
 */
@Stateless
public class MonthlyReports {

    /** What the city report found: communities reported, and communities without a snapshot for the month. */
    public record CityResult(int communities, int withoutSnapshot) {
    }

    @EJB
    ReportSnapshots snapshots;

    @EJB
    ReportWriting writing;

    @Inject
    Clock clock;

    /** The month a job parameter names ({@code yyyy-MM}), or the month before today's when blank. */
    public YearMonth month(String parameter) {
        return month(parameter, LocalDate.now(clock));
    }

    static YearMonth month(String parameter, LocalDate today) {
        if (parameter == null || parameter.isBlank()) {
            return YearMonth.from(today).minusMonths(1);
        }
        try {
            return YearMonth.parse(parameter.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("job parameter month must be yyyy-MM, not '" + parameter + "'", e);
        }
    }

    /**
     * The version of what a community's files show for the same inputs: part of their digest, so
     * raise it whenever {@link CommunityReportLayout} or the community rows of {@link CsvRows} change
     * what they write, and the next run writes every community's files again.
     */
    static final int COMMUNITY_FORMAT = 1;

    /** A community whose files for the month are to be written: what they show, and its digest. */
    public record CommunityDue(long communityId, CommunityReportLayout.Content content, String digest) {
    }

    /**
     * Reads what the community's files for the month would show and decides whether they must be
     * written: not when the community has no snapshot (nor fund shares) for the month, nor when
     * its files on record were written from the same inputs and are on disk ({@link
     * ReportWriting#current}), unless {@code rewrite}.
     *
     * @param font what identifies the report font ({@link #fontIdentity}): another font, other PDFs
     * @return the community to write, or empty
     */
    public Optional<CommunityDue> due(long communityId, YearMonth month, Map<Metric, BigDecimal> medians,
                                      Map<String, String> categoryNames, String font, boolean rewrite) {
        Optional<ReportSnapshots.CommunityMonth> read = snapshots.community(communityId, month);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        ReportSnapshots.CommunityMonth c = read.get();
        CommunityReportLayout.Content content = new CommunityReportLayout.Content(c.place(), month, c.figures(), medians,
                c.trend(), c.fund(), categoryNames, now());
        String digest = digest(content, font);
        String base = baseName(c.place(), month);
        if (!rewrite && writing.current(month.toString(), digest, base + ".pdf", base + ".csv")) {
            return Optional.empty();
        }
        return Optional.of(new CommunityDue(communityId, content, digest));
    }

    /** Writes the community's PDF and CSV, replacing those of an earlier run, in the font read once by the caller. */
    public void write(CommunityDue due, ReportOutput output, ReportFont.Parsed font) {
        CommunityReportLayout.Content content = due.content();
        String period = content.month().toString();
        String base = baseName(content.place(), content.month());
        writing.write(output, ReportKind.COMMUNITY_MONTHLY_PDF, due.communityId(), period, base + ".pdf", due.digest(),
                out -> CommunityReportLayout.write(font, content, out));
        writing.write(output, ReportKind.COMMUNITY_MONTHLY_CSV, due.communityId(), period, base + ".csv", due.digest(),
                out -> {
                    try (CSVPrinter p = CsvRows.open(out, CsvRows.COMMUNITY_HEADER)) {
                        p.printRecords(CsvCells.rows(CsvRows.community(content.figures())));
                        p.printRecords(CsvCells.rows(CsvRows.fund(content.fund(), content.categoryNames())));
                    }
                });
    }

    /** The font as part of a digest: its path, size and time of last change (empty parts when unreadable). */
    public static String fontIdentity(Path font) {
        try {
            return font.toAbsolutePath() + "|" + Files.size(font) + "|"
                    + Files.getLastModifiedTime(font).toMillis();
        } catch (IOException e) {
            return font.toAbsolutePath() + "||";
        }
    }

    /**
     * The SHA-256 of everything a community's files show except the time they were made: the
     * format version, the font, the place, the month, its figures, the city medians, the trend, the
     * fund shares and the category names, each written in a fixed order.
     */
    static String digest(CommunityReportLayout.Content c, String font) {
        StringBuilder b = new StringBuilder(2048);
        b.append("community-report ").append(COMMUNITY_FORMAT).append('\n');
        b.append(font).append('\n');
        b.append(c.place()).append('\n');
        b.append(c.month()).append('\n');
        b.append(c.figures().asMap()).append('\n');
        b.append(new TreeMap<>(c.medians())).append('\n');
        c.trend().forEach((m, f) -> b.append(m).append('=').append(f.asMap()).append('\n'));
        c.fund().forEach(r -> b.append(r).append('\n'));
        b.append(new TreeMap<>(c.categoryNames())).append('\n');
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String baseName(Place place, YearMonth month) {
        return "community-" + safe(place.code()) + "-" + month;
    }

    /** Writes the city's PDF and CSV for the month, streaming the snapshot one community at a time. */
    public CityResult writeCity(YearMonth month, ReportOutput output) {
        ReportFont font = ReportFont.at(output.font());
        String period = month.toString();
        CityTally tally = new CityTally();
        Map<String, List<FundShares.Row>> fund = snapshots.cityFund(month);
        writing.write(output, ReportKind.CITY_MONTHLY_CSV, null, period, "city-" + period + ".csv", out -> {
            try (CSVPrinter p = CsvRows.open(out, CsvRows.cityHeaderWithFund())) {
                snapshots.eachCommunity(month, (place, figures) -> {
                    List<String> row = new ArrayList<>(CsvRows.cityRow(place.code(), place.name(), place.subDistrictCode(),
                            place.subDistrictName(), figures));
                    List<FundShares.Row> shares = fund.get(place.code());
                    row.addAll(shares == null ? CsvRows.NO_FUND_CELLS : CsvRows.cityFundCells(shares));
                    p.printRecord(CsvCells.row(row));
                    tally.add(place, figures);
                });
            }
        });
        CityResult result = new CityResult(tally.communities(), snapshots.withoutSnapshot(month));
        writing.write(output, ReportKind.CITY_MONTHLY_PDF, null, period, "city-" + period + ".pdf",
                out -> CityReportLayout.write(font, month, tally, result.withoutSnapshot(), now(), out));
        return result;
    }

    private LocalDateTime now() {
        return clock.instant().atZone(clock.getZone()).toLocalDateTime();
    }

    /** A code as part of a file name: letters, digits, '-' and '_' only. */
    static String safe(String code) {
        return code.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
