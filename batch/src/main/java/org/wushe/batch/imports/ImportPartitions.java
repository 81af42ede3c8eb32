package org.wushe.batch.imports;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.wushe.batch.support.JobProperties;
import org.wushe.imports.application.ImportRuns;
import org.wushe.imports.application.InboxClaims;
import org.wushe.imports.domain.ImportFileReader;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.Inbox;
import org.wushe.shared.Installation;
import org.wushe.shared.SequenceIds;
import org.wushe.shared.ValidationException;

/**
 * Plans an import step: the files it imports (the one named by the parameter {@code file}, inside
 * the inbox only, or every file of the kind waiting at the top of the inbox, oldest name first,
 * each claimed for this job instance), a run begun for each, and the partitions that read them.
 *
 * <p>A residents import runs in {@code partitions} partitions (default 2 on PostgreSQL, 1 on Derby;
 * grid cells and volunteers always 1). Each partition reads every file and stores the lines whose ID
 * number falls to it ({@link ImportLineReader#partitionOf}): all lines of one ID number, and so its
 * duplicates in the file, go to the same partition, and two partitions never write the same
 * resident. Each has its own chunk transactions and checkpoints, on a thread and a database
 * connection of its own, so the database's work of storing new residents runs on two cores.
 *
 * <p>On a restart the plan is the same: the runs the job instance began and did not end
 * ({@code import_run.job_instance_id}), with their files and their number of partitions; each
 * partition goes on after its own checkpoint.
 */
@Named
@Dependent
public class ImportPartitions implements PartitionMapper {

    private static final Logger LOG = Logger.getLogger(ImportPartitions.class.getName());

    /** More partitions than this gain nothing on the servers the product runs on and only hold connections. */
    static final int MOST = 8;

    @Inject
    @BatchProperty
    String kind;

    @Inject
    @BatchProperty
    String file;

    @Inject
    @BatchProperty
    String partitions;

    @Inject
    JobContext job;

    @Inject
    Clock clock;

    @EJB
    ImportRuns runs;

    @EJB
    InboxClaims claims;

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    @Override
    public PartitionPlan mapPartitions() throws Exception {
        ImportKind importKind = ImportKind.valueOf(kind);
        List<String> files = new ArrayList<>();
        List<Long> runIds = new ArrayList<>();
        int parts = 0;
        for (ImportRuns.Unfinished u : runs.unfinished(job.getInstanceId())) {
            if (u.file() == null) {
                LOG.warning(() -> job.getJobName() + ": run " + u.runId() + " of an earlier execution has no file on record"
                        + " (begun before partitioned imports); it stays STOPPED and the restart does not go on with it");
                continue;
            }
            files.add(u.file());
            runIds.add(u.runId());
            parts = Math.max(parts, u.parts());
        }
        if (files.isEmpty()) {
            parts = partitions(importKind);
            begin(importKind, parts, files, runIds);
        } else {
            for (long runId : runIds) {
                runs.resume(runId, job.getExecutionId());
            }
            int n = parts;
            LOG.info(() -> job.getJobName() + " execution " + job.getExecutionId() + " goes on with run(s) " + runIds
                    + " in " + n + " partition(s)");
        }
        return plan(parts, files, runIds);
    }

    static PartitionPlan plan(int parts, List<String> files, List<Long> runIds) {
        Properties[] props = new Properties[parts];
        String fileList = String.join("\n", files);
        String runList = String.join(",", runIds.stream().map(String::valueOf).toList());
        for (int p = 0; p < parts; p++) {
            props[p] = new Properties();
            props[p].setProperty("partition", Integer.toString(p));
            props[p].setProperty("partitions", Integer.toString(parts));
            props[p].setProperty("files", fileList);
            props[p].setProperty("runs", runList);
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(parts);
        plan.setThreads(parts);
        plan.setPartitionProperties(props);
        return plan;
    }

    /** How many partitions read the files: the parameter, or 2 for residents on PostgreSQL, else 1. */
    int partitions(ImportKind importKind) throws SQLException {
        if (importKind != ImportKind.RESIDENTS) {
            // Grid cells and volunteer lines are keyed otherwise and few; their checks of the file stay in one reader.
            return 1;
        }
        if (partitions != null && !partitions.isBlank()) {
            int n = JobProperties.positive("partitions", partitions);
            if (n > MOST) {
                throw new IllegalArgumentException("job property partitions must be at most " + MOST + ", not " + n);
            }
            return n;
        }
        try (Connection c = dataSource.getConnection()) {
            // Derby: a reader of one partition waits for the row locks of the other's uncommitted chunk.
            return SequenceIds.isDerby(c) ? 1 : 2;
        }
    }

    /** Claims the files to import and begins a run for each. */
    private void begin(ImportKind importKind, int parts, List<String> files, List<Long> runIds) throws IOException {
        Inbox inbox = Inbox.at(Installation.inbox());
        boolean named = file != null && !file.isBlank();
        for (Path f : filesToImport(inbox, importKind)) {
            if (!claimed(inbox, f, named)) {
                continue;
            }
            Instant now = clock.instant();
            if (inbox.isDone(f) && Files.exists(f)) {
                // Imported again by name: it counts as imported now, so the retention does not take it mid-run.
                Files.setLastModifiedTime(f, FileTime.from(now));
            }
            Long lines = null;
            try {
                lines = ImportFileReader.countLines(f);
            } catch (IOException e) {
                // reported when a partition opens the file
            }
            String startedBy = named ? job.getJobName() : job.getJobName() + ":inbox";
            runIds.add(runs.start(importKind, f, startedBy, job.getInstanceId(), job.getExecutionId(), lines, parts));
            files.add(f.toString());
        }
    }

    private List<Path> filesToImport(Inbox inbox, ImportKind importKind) throws IOException {
        if (file != null && !file.isBlank()) {
            try {
                return List.of(inbox.file(file));
            } catch (ValidationException e) {
                String key = e.errors().get(0).key();
                LOG.warning(() -> job.getJobName() + ": refused the file parameter '" + file + "' (" + key + ")");
                throw new IllegalArgumentException(key + ": the file parameter must name a file inside the import inbox "
                        + inbox.root() + ", not '" + file + "'");
            }
        }
        return waiting(inbox.root(), importKind);
    }

    /** The inbox's files of a kind: {@code residents*.csv} etc., not reports, oldest name first. */
    static List<Path> waiting(Path inbox, ImportKind kind) throws IOException {
        String prefix = kind.name().toLowerCase(Locale.ROOT);
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(inbox, prefix + "*.csv")) {
            for (Path p : dir) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".report.csv")) {
                    found.add(p);
                }
            }
        }
        found.sort(null);
        return found;
    }

    /**
     * Whether this job instance may import the file: another instance, maybe on another node,
     * importing it already keeps it (a file found in the inbox is left to it; a file named by the
     * parameter fails the job with the holder's name).
     */
    private boolean claimed(Inbox inbox, Path f, boolean named) {
        String name = inbox.nameOf(f);
        if (claims.claim(name, Installation.nodeName(), job.getInstanceId())) {
            return true;
        }
        String holder = claims.holder(name);
        if (named) {
            throw new IllegalStateException(name + " is being imported by another run (node " + holder + ")");
        }
        LOG.info(() -> job.getJobName() + " execution " + job.getExecutionId() + ": " + name
                + " is being imported by another run (node " + holder + "); left to it");
        return false;
    }
}
