package org.wushe.imports.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.wushe.imports.domain.GeographyIndex;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.ImportReport;
import org.wushe.imports.domain.ImportRun;
import org.wushe.imports.domain.LineProblem;
import org.wushe.imports.domain.ReasonText;
import org.wushe.imports.infrastructure.RunTable;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;

/**
 * The runs of the imports: starting and finishing one (each in its own transaction, so a run is
 * visible while its chunks commit), the city's geography for the checks, the problems of a run and
 * its report. Starting, finishing and the geography are internal (jobs run without a signed-in
 * user); reading runs and downloading reports need {@link Right#OPERATE_JOBS}.
 */
@Stateless
public class ImportRuns {

    private static final int REPORT_PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller currentCaller;

    /** Opens a run of a file; returns its id (the author {@code import#<id>} of its changes). Internal. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long start(ImportKind kind, String fileName, String startedBy) {
        ImportRun run = new ImportRun(kind, fileName, startedBy, clock.instant());
        em.persist(run);
        em.flush();
        return run.getId();
    }

    /**
     * Opens a run of a file for a job instance's execution whose {@code parts} partitions read it (each stores the
     * lines that fall to it; the last to reach the file's end ends the run, {@link #partEnded}), with the
     * file's lines (header included) and its path (found again by a restart, {@link #unfinished}). Internal.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long start(ImportKind kind, Path file, String startedBy, long instanceId, long executionId, Long lines,
                      int parts) {
        ImportRun run = new ImportRun(kind, file.getFileName().toString(), startedBy, clock.instant());
        run.runBy(executionId);
        run.readBy(instanceId, parts, file.toString());
        if (lines != null) {
            run.total(lines);
        }
        em.persist(run);
        em.flush();
        return run.getId();
    }

    /** A run a job execution began and did not end: its id, the file it reads (null when unknown) and its partitions. */
    public record Unfinished(long runId, String file, int parts) {
    }

    /**
     * The runs a job instance began and did not end, oldest first: a restart of the instance goes on
     * with them. Internal.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Unfinished> unfinished(long instanceId) {
        return em.createQuery("select r from ImportRun r where r.jobInstanceId = :i and r.status in :open order by r.id",
                        ImportRun.class).setParameter("i", instanceId)
                .setParameter("open", List.of(ImportRun.Status.RUNNING, ImportRun.Status.STOPPED))
                .getResultStream().map(r -> new Unfinished(r.getId(), r.getFilePath(), r.getParts())).toList();
    }

    /**
     * One partition of the run's job has stored its last lines of the file, in the caller's (chunk's)
     * transaction; true when it is the last of the run's partitions, which then ends the run. The
     * run's row stays locked until the chunk commits, so two partitions ending at once count one after
     * the other. Internal.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean partEnded(long runId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement up = c.prepareStatement("UPDATE import_run SET parts_ended = parts_ended + 1 WHERE id = ?")) {
                up.setLong(1, runId);
                if (up.executeUpdate() != 1) {
                    throw new NotFoundException("import run", runId);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT parts, parts_ended FROM import_run WHERE id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(2) >= rs.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the end of a part of import run " + runId, e);
        }
    }

    /** When a run began (its report's name). Internal. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public java.time.Instant startedAt(long runId) {
        return find(runId).getStartedAt();
    }

    /** Goes on with a stopped run in a restart's execution; returns when the run began (its report's name). Internal. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public java.time.Instant resume(long runId, long executionId) {
        ImportRun run = find(runId);
        run.resume(executionId);
        return run.getStartedAt();
    }

    /**
     * Marks STOPPED the runs an execution left RUNNING (it stopped or failed before their end), in
     * one statement. Internal.
     *
     * @return how many
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int interrupted(long executionId) {
        return em.createQuery("update ImportRun r set r.status = :stopped where r.jobExecutionId = :e"
                        + " and r.status = :running").setParameter("stopped", ImportRun.Status.STOPPED)
                .setParameter("e", executionId).setParameter("running", ImportRun.Status.RUNNING).executeUpdate();
    }

    /**
     * Ends a run as {@link #finish} does, but in the caller's transaction: a job's chunk that stores
     * the file's last lines ends its run in the same commit, and the report holds the chunk's
     * problems. Plain JDBC on the same data source as {@link ImportWriter}, so it works on the
     * connection that wrote the chunk's rows (the persistence unit's own connection would wait
     * for their locks). Internal.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void end(long runId, ImportRun.Status status, String charset, Path report, ReasonText text) {
        if (report != null) {
            try (ImportReport out = ImportReport.create(report, text)) {
                copyProblems(runId, out);
            }
        }
        String path = report == null || report.toString().length() > 500 ? null : report.toString();
        try (Connection c = dataSource.getConnection()) {
            RunTable.end(c, runId, status.name(), charset, path, clock.instant(), status == ImportRun.Status.COMPLETED);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end import run " + runId, e);
        }
    }

    /** Records how many lines the run's file has (header included), for the console's progress. Internal. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void total(long runId, long lines) {
        find(runId).total(lines);
    }

    /**
     * Ends a run: writes the report of all its problems to {@code report} (when not null) with the
     * reasons in the language of {@code text}, and sets the status. A problem of the file itself is
     * recorded before, with {@link ImportWriter#problem}. Internal.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ImportRunView finish(long runId, ImportRun.Status status, String charset, Path report, ReasonText text) {
        return close(runId, status, charset, report, text);
    }

    private ImportRunView close(long runId, ImportRun.Status status, String charset, Path report, ReasonText text) {
        ImportRun run = find(runId);
        if (report != null) {
            try (ImportReport out = ImportReport.create(report, text)) {
                copyProblems(runId, out);
            }
        }
        run.finish(status, charset, report == null ? null : report.toString(), clock.instant());
        em.flush();
        return ImportRunView.of(run);
    }

    /**
     * The communities and grid cells of the city, for the checks of one file. Internal. Read in a
     * transaction of its own: a job's chunk that asks for it must not keep the rows it read locked
     * while it stores grid cells.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public GeographyIndex geography() {
        GeographyIndex index = new GeographyIndex();
        for (Object[] c : em.createQuery("select c.id, c.code, c.name from Community c", Object[].class)
                .getResultList()) {
            index.community((Long) c[0], (String) c[1], (String) c[2]);
        }
        for (Object[] g : em.createQuery("select g.id, g.code, g.name, g.community.code from GridCell g", Object[].class)
                .getResultList()) {
            index.grid((Long) g[0], (String) g[1], (String) g[2], (String) g[3]);
        }
        return index;
    }

    /** One run. Needs {@link Right#OPERATE_JOBS}. */
    public ImportRunView view(long runId) {
        currentCaller.get().require(Right.OPERATE_JOBS);
        return ImportRunView.of(find(runId));
    }

    /** The latest runs, newest first. Needs {@link Right#OPERATE_JOBS}. */
    public List<ImportRunView> recent(int max) {
        currentCaller.get().require(Right.OPERATE_JOBS);
        return em.createQuery("select r from ImportRun r order by r.startedAt desc, r.id desc", ImportRun.class)
                .setMaxResults(Math.max(1, Math.min(max, 200))).getResultStream().map(ImportRunView::of).toList();
    }

    /** A page of a run's problems in line order, after line {@code afterLine}. Needs {@link Right#OPERATE_JOBS}. */
    public List<LineProblem> problems(long runId, long afterLine, int max) {
        currentCaller.get().require(Right.OPERATE_JOBS);
        find(runId);
        return page(runId, afterLine, Integer.MAX_VALUE, Math.max(1, Math.min(max, REPORT_PAGE))).stream()
                .map(Stored::problem).toList();
    }

    /**
     * Writes a run's report (UTF-8 with BOM, see {@link ImportReport}) to a download, the reasons
     * in the reader's language ({@code text}). Needs {@link Right#OPERATE_JOBS}.
     *
     * @return the number of problems written
     */
    public long download(long runId, OutputStream out, ReasonText text) {
        currentCaller.get().require(Right.OPERATE_JOBS);
        find(runId);
        try (ImportReport report = ImportReport.to(out, text)) {
            return copyProblems(runId, report);
        }
    }

    private long copyProblems(long runId, ImportReport out) {
        long line = -1;
        int no = -1;
        while (true) {
            List<Stored> page = page(runId, line, no, REPORT_PAGE);
            if (page.isEmpty()) {
                return out.rows();
            }
            page.forEach(p -> out.add(p.problem()));
            Stored last = page.get(page.size() - 1);
            line = last.problem().line();
            no = last.no();
        }
    }

    private record Stored(int no, LineProblem problem) {
    }

    /** Problems after (afterLine, afterNo) in (line, number) order. */
    private List<Stored> page(long runId, long afterLine, int afterNo, int size) {
        List<Stored> page = new ArrayList<>(size);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT line_no, problem_no, field_name, message_key, message_args"
                     + " FROM import_problem WHERE run_id = ? AND (line_no > ? OR (line_no = ? AND problem_no > ?))"
                     + " ORDER BY line_no, problem_no FETCH FIRST " + size + " ROWS ONLY")) {
            ps.setLong(1, runId);
            ps.setLong(2, afterLine);
            ps.setLong(3, afterLine);
            ps.setInt(4, afterNo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String args = rs.getString(5);
                    page.add(new Stored(rs.getInt(2), new LineProblem(rs.getLong(1), rs.getString(3), rs.getString(4),
                            args == null ? List.of() : Arrays.asList(args.split("\\|", -1)))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the problems of import run " + runId, e);
        }
        return page;
    }

    private ImportRun find(long runId) {
        ImportRun run = em.find(ImportRun.class, runId);
        if (run == null) {
            throw new NotFoundException("importRun", runId);
        }
        return run;
    }
}
