package org.wushe.audit.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.wushe.audit.chain.ChainRow;
import org.wushe.audit.chain.ChainVerification;
import org.wushe.audit.chain.ChainVerifier;
import org.wushe.audit.domain.AuditAction;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;

/**
 * The audit administrator's archive: the chained entries of a period (from its first to its last
 * entry in chain order, with any entry between them), in the order of their places, written to a CSV file with their places and hashes, so that the archive on its own still
 * proves its entries ({@link #verify}: each hash and each link from the first entry's recorded
 * previous hash). Texts are written exactly as stored (no spreadsheet escaping: the hashes cover
 * them); an absent value is {@code \N}, unquoted, every present one is quoted. Each archive is
 * audited ({@link AuditAction#AUDIT_ARCHIVED}). Removing entries past the retention is the owner
 * role's command, not the application's (docs/operations.md, "The audit log").
 */
@Stateless
public class AuditArchive {

    /** The installation setting: days an audit entry is kept before the owner may remove it. */
    public static final String RETENTION = "wushe.audit.retentionDays";

    /** Level 3 asks for at least six months. */
    public static final int MIN_RETENTION_DAYS = 183;

    static final String[] HEADER = {"chain_seq", "id", "occurred_at", "actor", "actor_role", "audit_action", "outcome",
        "community_id", "record_type", "record_id", "field_names", "purpose", "client_address", "detail", "prev_hash",
        "entry_hash"};

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setNullString("\\N").setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setHeader(HEADER).setSkipHeaderRecord(true).get();

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    CurrentCaller currentCaller;

    @EJB
    AuditLog audit;

    @Inject
    Clock clock;

    /** A written archive: the file (the caller deletes it once delivered), its name and what it holds. */
    public record ArchiveFile(Path path, String fileName, long entries, Long firstSeq, Long lastSeq) {
    }

    /**
     * The retention in days: {@value #RETENTION}, by default 1095 (three years).
     *
     * @throws IllegalStateException when the setting is not a whole number of at least {@value #MIN_RETENTION_DAYS}
     */
    public static int retentionDays(String setting) {
        try {
            int days = Integer.parseInt(setting.trim());
            if (days >= MIN_RETENTION_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalStateException(RETENTION + " must be a whole number of days, at least " + MIN_RETENTION_DAYS
                + " (six months), not '" + setting + "'");
    }

    /** The installation's retention in days. */
    public int retentionDays() {
        return retentionDays(org.wushe.shared.Installation.setting(RETENTION, "1095"));
    }

    /** The first day whose entries the retention keeps (older ones may be removed by the owner). */
    public LocalDate keptFrom() {
        currentCaller.require(Right.VIEW_AUDIT_LOG);
        return LocalDate.now(clock).minusDays(retentionDays());
    }

    /** Writes the period's chained entries (both days included) to a new file. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ArchiveFile archive(LocalDate from, LocalDate to) {
        Caller caller = currentCaller.require(Right.VIEW_AUDIT_LOG);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (from == null) {
            errors.add("archiveFrom", "error.required");
        }
        if (to == null) {
            errors.add("archiveTo", "error.required");
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("archiveTo", "audit.archive.toBeforeFrom");
        }
        errors.throwIfAny();
        ZoneId zone = clock.getZone();
        String name = "audit-" + from + "-" + to + ".csv";
        long n = 0;
        Long first = null;
        Long last = null;
        Path file;
        try {
            file = Files.createTempFile("wushe-audit-", ".csv");
            try (Connection c = dataSource.getConnection();
                 PreparedStatement range = c.prepareStatement("SELECT MIN(chain_seq), MAX(chain_seq) FROM audit_entry"
                         + " WHERE chain_seq IS NOT NULL AND occurred_at >= ? AND occurred_at < ?");
                 PreparedStatement p = c.prepareStatement("SELECT " + AuditVerification.COLUMNS + " FROM audit_entry"
                         + " WHERE chain_seq >= ? AND chain_seq <= ? ORDER BY chain_seq");
                 Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(w, FORMAT.builder().setSkipHeaderRecord(false).get())) {
                // The period's first and last entries in chain order, and every entry between them: the
                // clocks of several nodes (or a moved test clock) may put an entry of another day between
                // two of the period, and the archive must stay one unbroken piece of the chain.
                range.setTimestamp(1, Timestamp.from(from.atStartOfDay(zone).toInstant()));
                range.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
                long low;
                long high;
                try (ResultSet rs = range.executeQuery()) {
                    rs.next();
                    low = rs.getLong(1);
                    high = rs.wasNull() ? -1 : rs.getLong(2);
                }
                p.setFetchSize(AuditVerification.PAGE);
                p.setLong(1, low);
                p.setLong(2, high);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ChainRow r = AuditVerification.row(rs);
                        out.printRecord(r.seq(), r.id(), r.occurredAt().toString(), r.actor(), r.actorRole(), r.action(),
                                r.outcome(), r.communityId(), r.recordType(), r.recordId(), r.fields(), r.purpose(),
                                r.clientAddress(), r.detail(), r.prevHash(), r.entryHash());
                        n++;
                        first = first == null ? r.seq() : first;
                        last = r.seq();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit log could not be read: " + e.getMessage(), e);
        }
        audit.record(caller, AuditAction.AUDIT_ARCHIVED, null, "audit_chain", last, null, null,
                "period " + from + ".." + to + ": " + n + " entries" + (n == 0 ? "" : ", places " + first + ".." + last));
        return new ArchiveFile(file, name, n, first, last);
    }

    /**
     * Verifies an archive file on its own: every entry's hash, and every link from the first
     * entry's recorded previous hash. Needs no right: it reads only the file it is given.
     */
    public static ChainVerification verify(Reader archive) throws IOException {
        ChainVerifier verifier = null;
        long lastSeq = 0;
        String lastHash = ChainRow.GENESIS;
        try (CSVParser parser = CSVParser.builder().setReader(archive).setFormat(FORMAT).get()) {
            for (CSVRecord rec : parser) {
                ChainRow row = new ChainRow(Long.parseLong(rec.get(0)), Long.parseLong(rec.get(1)),
                        Instant.parse(rec.get(2)), rec.get(3), rec.get(4), rec.get(5), rec.get(6), number(rec.get(7)),
                        rec.get(8), number(rec.get(9)), rec.get(10), rec.get(11), rec.get(12), rec.get(13), rec.get(14),
                        rec.get(15));
                if (verifier == null) {
                    verifier = new ChainVerifier(row.seq(), row.prevHash());
                }
                if (!verifier.accept(row)) {
                    break;
                }
                lastSeq = row.seq();
                lastHash = row.entryHash();
            }
        }
        if (verifier == null) {
            return new ChainVerifier(1, ChainRow.GENESIS).finish(0, ChainRow.GENESIS);
        }
        return verifier.finish(lastSeq, lastHash);
    }

    private static Long number(String s) {
        return s == null ? null : Long.valueOf(s);
    }
}
