package org.wushe.jobs.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.wushe.security.application.Permissions;
import org.wushe.security.domain.Right;

/**
 * How far a running job execution is, kept in the database ({@code job_progress}) so the console
 * of every node shows the same: the total found when the work began and what the committed chunks
 * have done, added in each chunk's own transaction (a chunk rolled back adds nothing). Beginning and
 * advancing are internal to the jobs; reading needs {@link Right#OPERATE_JOBS}.
 */
@Stateless
public class JobProgress {

    /** One execution's progress: done of total, in the unit of the job (e.g. {@code sources}). */
    public record Progress(long executionId, String job, String unit, long done, long total) {

        /** The share done, 0 to 100. */
        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    Clock clock;

    @EJB
    Permissions permissions;

    /** Starts (or starts again, on a restart) an execution's count at 0 of {@code total}. Internal. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void begin(long executionId, String job, String unit, long total) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM job_progress WHERE execution_id = ?")) {
                del.setLong(1, executionId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO job_progress (execution_id, job_name, unit,"
                    + " done, total, updated_at) VALUES (?, ?, ?, 0, ?, ?)")) {
                ins.setLong(1, executionId);
                ins.setString(2, job.length() > 40 ? job.substring(0, 40) : job);
                ins.setString(3, unit);
                ins.setLong(4, Math.max(0, total));
                ins.setTimestamp(5, Timestamp.from(clock.instant()));
                ins.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot begin the progress of execution " + executionId, e);
        }
    }

    /** Adds what a chunk did, in the chunk's transaction (one row update, last in the chunk). Internal. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void advance(long executionId, long done) {
        if (done <= 0) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE job_progress SET done = done + ?, updated_at = ?"
                     + " WHERE execution_id = ?")) {
            ps.setLong(1, done);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setLong(3, executionId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot advance the progress of execution " + executionId, e);
        }
    }

    /** The progress of the given executions that keep one, by execution id. Needs {@link Right#OPERATE_JOBS}. */
    public Map<Long, Progress> of(List<Long> executionIds) {
        permissions.require(Right.OPERATE_JOBS);
        Map<Long, Progress> found = new HashMap<>();
        if (executionIds.isEmpty()) {
            return found;
        }
        List<Long> ids = executionIds.size() > 200 ? executionIds.subList(0, 200) : executionIds;
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(","));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT execution_id, job_name, unit, done, total FROM job_progress"
                     + " WHERE execution_id IN (" + in + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new Progress(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the progress of executions " + ids, e);
        }
        return found;
    }
}
