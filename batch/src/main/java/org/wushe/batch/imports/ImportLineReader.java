package org.wushe.batch.imports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.logging.Logger;
import org.wushe.imports.application.ImportRuns;
import org.wushe.imports.application.InboxClaims;
import org.wushe.imports.domain.CsvLine;
import org.wushe.imports.domain.Encodings;
import org.wushe.imports.domain.GridLineValidator;
import org.wushe.imports.domain.ImportFileException;
import org.wushe.imports.domain.ImportFileReader;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.Inbox;
import org.wushe.imports.domain.LineProblem;
import org.wushe.imports.domain.LineResult;
import org.wushe.imports.domain.ResidentLineValidator;
import org.wushe.imports.domain.VolunteerLineValidator;
import org.wushe.shared.Installation;
import org.wushe.shared.ValidationException;

/**
 * Reads the lines of the import files of one execution, one after the other: the file named by the
 * parameter {@code file} (inside the inbox only, {@link Inbox#file}), or every file of the kind
 * waiting at the top of the inbox ({@code <kind>*.csv}, oldest name first). Each file is one run
 * ({@code import_run}), begun when its first line is read; after its last line the reader gives the
 * file's end, which the writer turns into the end of the run in the same chunk.
 *
 * <p>The checkpoint ({@link ImportPosition}) is the list of files, the one being read, its run and
 * the last line of the last committed chunk. A restart of a stopped or failed execution opens the
 * file again, gives the lines up to the checkpoint to the file's checks only (so a duplicate of an
 * earlier line is still found; about 2 s per 100,000 lines), and goes on after it with the same run:
 * every line is stored once, and the report of the run holds every refused line.
 */
@Named
@Dependent
public class ImportLineReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(ImportLineReader.class.getName());

    @Inject
    @BatchProperty
    String kind;

    @Inject
    @BatchProperty
    String file;

    @Inject
    @BatchProperty
    String encoding;

    @Inject
    JobContext job;

    @Inject
    Clock clock;

    @EJB
    ImportRuns runs;

    @EJB
    InboxClaims claims;

    private ImportKind importKind;
    private Charset charset;
    private Inbox inbox;
    private List<String> files;
    private int index;
    private long runId;
    private long resumeAfter;
    private ImportFileReader reader;
    private Function<CsvLine, LineResult<?>> check;
    private Path current;
    private Path report;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        importKind = ImportKind.valueOf(kind);
        charset = Encodings.named(encoding);
        inbox = Inbox.at(Installation.inbox());
        if (checkpoint instanceof ImportPosition p) {
            files = p.files();
            index = p.index();
            runId = p.runId();
            resumeAfter = p.line();
            LOG.info(() -> job.getJobName() + " execution " + job.getExecutionId() + " goes on at file " + (index + 1)
                    + " of " + files.size() + ", run " + runId + ", after line " + resumeAfter);
        } else {
            files = filesToImport();
        }
    }

    private List<String> filesToImport() throws IOException {
        if (file != null && !file.isBlank()) {
            try {
                return List.of(inbox.file(file).toString());
            } catch (ValidationException e) {
                String key = e.errors().get(0).key();
                LOG.warning(() -> job.getJobName() + ": refused the file parameter '" + file + "' (" + key + ")");
                throw new IllegalArgumentException(key + ": the file parameter must name a file inside the import inbox "
                        + inbox.root() + ", not '" + file + "'");
            }
        }
        return waiting(inbox.root(), importKind).stream().map(Path::toString).toList();
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

    @Override
    public Object readItem() throws IOException {
        if (reader == null) {
            while (runId == 0 && index < files.size() && !claimed(Path.of(files.get(index)))) {
                index++;
            }
            if (index >= files.size()) {
                return null;
            }
            ImportItem.End unreadable = openCurrent();
            if (unreadable != null) {
                return unreadable;
            }
        }
        try {
            CsvLine line = reader.next();
            return line == null ? end(null) : new ImportItem.Line(runId, line, check);
        } catch (ImportFileException e) {
            return end(e.problem());
        }
    }

    /**
     * Whether this job instance may import the file: another instance, maybe on another node,
     * importing it already keeps it (a file found in the inbox is left to it; a file named by the
     * parameter fails the job with the holder's name).
     */
    private boolean claimed(Path f) {
        String name = inbox.nameOf(f);
        if (claims.claim(name, Installation.nodeName(), job.getInstanceId())) {
            return true;
        }
        String holder = claims.holder(name);
        if (file != null && !file.isBlank()) {
            throw new IllegalStateException(name + " is being imported by another run (node " + holder + ")");
        }
        LOG.info(() -> job.getJobName() + " execution " + job.getExecutionId() + ": " + name
                + " is being imported by another run (node " + holder + "); left to it");
        return false;
    }

    /** Opens the current file, begins or resumes its run, and replays it to the checkpoint; the end at once if it cannot be read. */
    private ImportItem.End openCurrent() throws IOException {
        current = Path.of(files.get(index));
        Instant startedAt;
        if (runId == 0) {
            startedAt = clock.instant();
            if (inbox.isDone(current) && Files.exists(current)) {
                // Imported again by name: it counts as imported now, so the retention does not take it mid-run.
                Files.setLastModifiedTime(current, FileTime.from(startedAt));
            }
            Long lines = null;
            try {
                lines = ImportFileReader.countLines(current);
            } catch (IOException e) {
                // reported when the file is opened below
            }
            String startedBy = file != null && !file.isBlank() ? job.getJobName() : job.getJobName() + ":inbox";
            runId = runs.start(importKind, current.getFileName().toString(), startedBy, job.getExecutionId(), lines);
        } else {
            startedAt = runs.resume(runId, job.getExecutionId());
        }
        report = inbox.reportFor(current, startedAt, clock.getZone());
        check = checks();
        try {
            reader = ImportFileReader.open(current, importKind, charset);
            if (resumeAfter > 0) {
                CsvLine seen;
                while (reader.lastLine() < resumeAfter && (seen = reader.next()) != null) {
                    check.apply(seen);
                }
            }
            return null;
        } catch (ImportFileException e) {
            return end(e.problem());
        } catch (IOException e) {
            return end(new LineProblem(0, "file", "import.file.unreadable", String.valueOf(e.getMessage())));
        }
    }

    private Function<CsvLine, LineResult<?>> checks() {
        LocalDate today = LocalDate.now(clock);
        return switch (importKind) {
            case RESIDENTS -> new ResidentLineValidator(runs.geography(), today)::validate;
            case GRIDS -> new GridLineValidator(runs.geography())::validate;
            case VOLUNTEERS -> new VolunteerLineValidator(today)::validate;
        };
    }

    /** The end of the current file; the next read opens the next one. */
    private ImportItem.End end(LineProblem problem) throws IOException {
        String label = reader != null ? Encodings.label(reader.charset()) : charset == null ? null : Encodings.label(charset);
        ImportItem.End end = new ImportItem.End(runId, current, report, label, problem);
        if (reader != null) {
            reader.close();
            reader = null;
        }
        index++;
        runId = 0;
        resumeAfter = 0;
        return end;
    }

    @Override
    public Serializable checkpointInfo() {
        return new ImportPosition(files, index, runId, reader == null ? 0 : reader.lastLine());
    }

    /**
     * At the step's end, and when it stopped or failed: a run not ended by a committed chunk is marked
     * STOPPED (a restart of this execution goes on with it).
     */
    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
        int stopped = runs.interrupted(job.getExecutionId());
        if (stopped > 0) {
            LOG.info(() -> job.getJobName() + " execution " + job.getExecutionId() + " stopped with " + stopped
                    + " import run(s) before their end; a restart goes on from the last checkpoint");
        }
    }
}
