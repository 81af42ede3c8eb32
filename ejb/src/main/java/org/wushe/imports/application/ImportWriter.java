package org.wushe.imports.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.wushe.imports.domain.ChunkResult;
import org.wushe.imports.domain.GridRow;
import org.wushe.imports.domain.ImportRun;
import org.wushe.imports.domain.LineProblem;
import org.wushe.imports.domain.LineResult;
import org.wushe.imports.domain.ResidentRow;
import org.wushe.imports.domain.VolunteerRow;
import org.wushe.imports.infrastructure.GridTable;
import org.wushe.imports.infrastructure.ResidentTable;
import org.wushe.imports.infrastructure.RunTable;
import org.wushe.imports.infrastructure.VolunteerTable;

/**
 * Stores one chunk of checked lines in the caller's transaction (a batch chunk, or one of
 * {@link ImportService}'s): the good lines by their key (upsert: unchanged rows are not written),
 * the problems of the bad ones, and the chunk's counts added to its run. Everything or nothing of
 * a chunk is kept, so a chunk rolled back and read again is neither lost nor counted twice.
 * Internal to the imports: no caller checks (jobs run without a signed-in user).
 */
@Stateless
public class ImportWriter {

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Stores the good resident lines, changes recorded as made by {@code import#<runId>}. */
    public ChunkResult residents(long runId, List<LineResult<ResidentRow>> lines) {
        return store(runId, lines, (c, rows) -> ResidentTable.upsert(c, ImportRun.changedBy(runId), rows, clock.instant()));
    }

    /** Stores the good grid cell lines. */
    public ChunkResult grids(long runId, List<LineResult<GridRow>> lines) {
        return store(runId, lines, GridTable::upsert);
    }

    /** Stores the good volunteer lines; refuses those whose resident is unknown or named otherwise. */
    public ChunkResult volunteers(long runId, List<LineResult<VolunteerRow>> lines) {
        return store(runId, lines, (c, rows) -> VolunteerTable.upsert(c, ImportRun.changedBy(runId), rows));
    }

    /** Records one line as refused for a reason found outside the checks (e.g. the database refused it). */
    public void refuse(long runId, LineProblem problem) {
        try (Connection c = dataSource.getConnection()) {
            RunTable.record(c, runId, new ChunkResult(1, 0, 0, 0, 1, List.of(problem)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a problem of import run " + runId, e);
        }
    }

    /**
     * Records a problem of the file itself (a wrong header, an encoding error), which is reported but
     * is no refused line: no count changes.
     */
    public void problem(long runId, LineProblem problem) {
        try (Connection c = dataSource.getConnection()) {
            RunTable.record(c, runId, new ChunkResult(0, 0, 0, 0, 0, List.of(problem)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a problem of import run " + runId, e);
        }
    }

    private interface Table<T> {
        ChunkResult upsert(Connection c, List<T> rows) throws SQLException;
    }

    private <T> ChunkResult store(long runId, List<LineResult<T>> lines, Table<T> table) {
        List<T> good = new ArrayList<>(lines.size());
        List<LineProblem> problems = new ArrayList<>();
        for (LineResult<T> line : lines) {
            if (line instanceof LineResult.Accepted<T> a) {
                good.add(a.row());
            } else if (line instanceof LineResult.Rejected<T> r) {
                problems.addAll(r.problems());
            }
        }
        long refusedByChecks = lines.size() - good.size();
        try (Connection c = dataSource.getConnection()) {
            ChunkResult stored = table.upsert(c, good);
            problems.addAll(stored.problems());
            problems.sort(java.util.Comparator.comparingLong(LineProblem::line));
            ChunkResult result = new ChunkResult(lines.size(), stored.inserted(), stored.updated(), stored.unchanged(),
                    refusedByChecks + stored.rejected(), problems);
            RunTable.record(c, runId, result, lines.isEmpty() ? 0 : lines.get(lines.size() - 1).line());
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("import run " + runId + ": the database refused a chunk of " + lines.size()
                    + " lines: " + e.getMessage(), e);
        }
    }
}
