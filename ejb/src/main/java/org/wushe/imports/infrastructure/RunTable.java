package org.wushe.imports.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.wushe.imports.domain.ChunkResult;
import org.wushe.imports.domain.LineProblem;

/**
 * Adds one chunk's outcome to its run: the counts, and the problems of its refused lines (numbered
 * within their line), in the chunk's transaction.
 */
public final class RunTable {

    private RunTable() {
    }

    public static void record(Connection c, long runId, ChunkResult result) throws SQLException {
        record(c, runId, result, 0);
    }

    /**
     * The same, and the line the chunk reached ({@code lineAt}, the last line of its last record; 0
     * to leave it), which the console shows against the file's lines as the run's progress.
     */
    public static void record(Connection c, long runId, ChunkResult result, long lineAt) throws SQLException {
        try (PreparedStatement counts = c.prepareStatement("UPDATE import_run SET lines_read = lines_read + ?,"
                + " inserted = inserted + ?, updated = updated + ?, unchanged = unchanged + ?, rejected = rejected + ?,"
                + " line_at = CASE WHEN line_at < ? THEN ? ELSE line_at END WHERE id = ?")) {
            counts.setLong(1, result.read());
            counts.setLong(2, result.inserted());
            counts.setLong(3, result.updated());
            counts.setLong(4, result.unchanged());
            counts.setLong(5, result.rejected());
            counts.setLong(6, lineAt);
            counts.setLong(7, lineAt);
            counts.setLong(8, runId);
            counts.executeUpdate();
        }
        List<LineProblem> problems = result.problems();
        if (problems.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_problem (run_id, line_no, problem_no,"
                + " field_name, message_key, message_args) VALUES (?, ?, ?, ?, ?, ?)")) {
            long line = -1;
            int no = 0;
            for (LineProblem p : problems) {
                no = p.line() == line ? no + 1 : 0;
                line = p.line();
                ps.setLong(1, runId);
                ps.setLong(2, p.line());
                ps.setInt(3, no);
                ps.setString(4, Sql.cut(p.field(), 40));
                ps.setString(5, Sql.cut(p.key(), 80));
                ps.setString(6, p.args().isEmpty() ? null : Sql.cut(String.join("|", p.args()), 400));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Ends a run in the caller's transaction: status, encoding, report, end time; a completed run
     * has reached its file's last line.
     */
    public static void end(Connection c, long runId, String status, String charset, String reportPath,
                           java.time.Instant at, boolean completed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_run SET status = ?, charset_name = ?,"
                + " report_path = ?, finished_at = ?, version = version + 1"
                + (completed ? ", line_at = COALESCE(lines_total, line_at)" : "") + " WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, charset);
            ps.setString(3, reportPath);
            ps.setTimestamp(4, java.sql.Timestamp.from(at));
            ps.setLong(5, runId);
            ps.executeUpdate();
        }
    }
}
