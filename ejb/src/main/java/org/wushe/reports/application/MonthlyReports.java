package org.wushe.reports.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVPrinter;
import org.wushe.assessment.application.FundShares;
import org.wushe.assessment.domain.Metric;
import org.wushe.reports.domain.CityTally;
import org.wushe.reports.domain.CsvRows;
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
     * Writes the community's PDF and CSV for the month, replacing those of an earlier run, in the
     * report font the caller read once for its documents.
     *
     * @return false when the community has no snapshot for the month (nothing written)
     */
    public boolean writeCommunity(long communityId, YearMonth month, Map<Metric, BigDecimal> medians, ReportOutput output,
                                  ReportFont.Parsed font) {
        Optional<ReportSnapshots.CommunityMonth> read = snapshots.community(communityId, month);
        if (read.isEmpty()) {
            return false;
        }
        ReportSnapshots.CommunityMonth c = read.get();
        Map<String, String> names = snapshots.categoryNames();
        CommunityReportLayout.Content content = new CommunityReportLayout.Content(c.place(), month, c.figures(), medians,
                c.trend(), c.fund(), names, now());
        String period = month.toString();
        String base = "community-" + safe(c.place().code()) + "-" + period;
        writing.write(output, ReportKind.COMMUNITY_MONTHLY_PDF, communityId, period, base + ".pdf",
                out -> CommunityReportLayout.write(font, content, out));
        writing.write(output, ReportKind.COMMUNITY_MONTHLY_CSV, communityId, period, base + ".csv", out -> {
            try (CSVPrinter p = CsvRows.open(out, CsvRows.COMMUNITY_HEADER)) {
                p.printRecords(CsvCells.rows(CsvRows.community(c.figures())));
                p.printRecords(CsvCells.rows(CsvRows.fund(c.fund(), names)));
            }
        });
        return true;
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
