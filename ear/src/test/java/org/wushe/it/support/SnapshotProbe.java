package org.wushe.it.support;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.wushe.assessment.application.AssessmentRun;
import org.wushe.training.application.LadderService;

/**
 * Reads the snapshots as stored (what no service offers row by row), and what the product's own
 * computation gives for a month now, in a transaction that is then rolled back (the stored rows
 * stay as they were).
 */
@Stateless
public class SnapshotProbe {

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @EJB
    AssessmentRun assessment;

    @EJB
    LadderService ladder;

    /** community code → "METRIC=value" of the month's assessment snapshot, for the given communities. */
    public Map<String, Map<String, BigDecimal>> assessment(YearMonth month, List<String> codes) {
        Map<String, Map<String, BigDecimal>> figures = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT c.code, s.metric, s.metric_value FROM assessment_snapshot s"
                     + " JOIN community c ON c.id = s.community_id WHERE s.period_month = ?")) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (codes.contains(rs.getString(1))) {
                        figures.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                                .put(rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return figures;
    }

    /** resident id → "RUNG participations/proposals/led" of a community's ladder snapshot of a month. */
    public Map<Long, String> ladder(String code, LocalDate firstOfMonth) {
        Map<Long, String> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT s.resident_id, s.rung, s.participations, s.proposals, s.led"
                     + " FROM ladder_snapshot s JOIN community c ON c.id = s.community_id"
                     + " WHERE c.code = ? AND s.period_month = ?")) {
            ps.setString(1, code);
            ps.setDate(2, Date.valueOf(firstOfMonth));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), rs.getString(2).trim() + " " + rs.getInt(3) + "/" + rs.getInt(4) + "/" + rs.getInt(5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The month's assessment snapshot taken again now, read, and rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Map<String, BigDecimal>> assessmentRecomputed(YearMonth month, List<String> codes) {
        try {
            assessment.snapshot(month);
            return assessment(month, codes);
        } finally {
            context.setRollbackOnly();
        }
    }

    /** A community's ladder snapshot of the month taken again now, read, and rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<Long, String> ladderRecomputed(long communityId, String code, LocalDate firstOfMonth) {
        try {
            ladder.snapshotCommunity(communityId, firstOfMonth);
            return ladder(code, firstOfMonth);
        } finally {
            context.setRollbackOnly();
        }
    }
}
