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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import org.wushe.batch.support.JobProperties;
import org.wushe.community.domain.IdNumber;
import org.wushe.imports.application.ImportRuns;
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

/**
 * Reads the lines of the import files of one partition of an import step, one file after the other
 * (the files and their runs planned by {@link ImportPartitions}). A partition reads every line and
 * gives those that fall to it ({@link #partitionOf}: by ID number for residents, so every line of one
 * resident goes to the same partition); with one partition, every line. After a file's last line the
 * reader gives the file's end, which the writer counts for the run; the last partition to reach it
 * ends the run in the same chunk.
 *
 * <p>The checkpoint ({@link ImportPosition}) is the list of files and their runs, the one being read
 * and the last line of the last committed chunk. A restart of a stopped or failed execution opens the
 * file again, gives the partition's lines up to the checkpoint to the file's checks only (so a
 * duplicate of an earlier line is still found; about 2 s per 100,000 lines), and goes on after it
 * with the same run: every line is stored once, and the report of the run holds every refused line.
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
    String encoding;

    /** The files of the step, one per line (the partition plan's). */
    @Inject
    @BatchProperty
    String files;

    /** Their runs, comma-separated, in the same order. */
    @Inject
    @BatchProperty
    String runs;

    @Inject
    @BatchProperty
    String partition;

    @Inject
    @BatchProperty
    String partitions;

    @Inject
    JobContext job;

    @Inject
    Clock clock;

    @EJB
    ImportRuns importRuns;

    private ImportKind importKind;
    private Charset charset;
    private Inbox inbox;
    private int part;
    private int parts;
    private List<String> fileList;
    private List<Long> runList;
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
        part = partition == null || partition.isBlank() ? 0 : Integer.parseInt(partition.trim());
        parts = partitions == null || partitions.isBlank() ? 1 : JobProperties.positive("partitions", partitions);
        if (checkpoint instanceof ImportPosition p) {
            fileList = p.files();
            runList = p.runs();
            index = p.index();
            runId = p.runId();
            resumeAfter = p.line();
            LOG.info(() -> job.getJobName() + " execution " + job.getExecutionId() + ", partition " + (part + 1) + " of "
                    + parts + ", goes on at file " + (index + 1) + " of " + fileList.size() + ", run " + runId
                    + ", after line " + resumeAfter);
        } else {
            fileList = files == null || files.isEmpty() ? List.of() : List.of(files.split("\n"));
            runList = runs == null || runs.isBlank() ? List.of()
                    : Arrays.stream(runs.split(",")).map(String::trim).map(Long::valueOf).toList();
            if (fileList.size() != runList.size()) {
                throw new IllegalStateException("the import plan names " + fileList.size() + " file(s) but " + runList.size()
                        + " run(s)");
            }
        }
    }

    /**
     * The partition of {@code partitions} that stores a line: for residents by the ID number as the
     * checks read it ({@link IdNumber#normalized}: trimmed, upper case, an older 15-digit number in its
     * 18-digit form), so all lines of one ID number, duplicates included, go to the same partition; a
     * line without one by its number.
     */
    static int partitionOf(CsvLine line, int partitions) {
        if (partitions <= 1) {
            return 0;
        }
        String id = line.values().isEmpty() ? "" : IdNumber.normalized(line.value(0));
        int h = id.isEmpty() ? Long.hashCode(line.line()) : id.hashCode();
        h *= 0x9E3779B9;
        return Math.floorMod(h ^ (h >>> 16), partitions);
    }

    private boolean mine(CsvLine line) {
        return importKind != ImportKind.RESIDENTS || partitionOf(line, parts) == part;
    }

    @Override
    public Object readItem() throws IOException {
        if (reader == null) {
            if (index >= fileList.size()) {
                return null;
            }
            ImportItem.End unreadable = openCurrent();
            if (unreadable != null) {
                return unreadable;
            }
        }
        try {
            CsvLine line = reader.next();
            while (line != null && !mine(line)) {
                line = reader.next();
            }
            return line == null ? end(null) : new ImportItem.Line(runId, line, check);
        } catch (ImportFileException e) {
            return end(e.problem());
        }
    }

    /** The run of the file at {@code i}. */
    private long runOf(int i) {
        if (i < runList.size()) {
            return runList.get(i);
        }
        throw new IllegalStateException("no import run is on record for " + fileList.get(i));
    }

    /** Opens the current file with its run, and replays it to the checkpoint; the end at once if it cannot be read. */
    private ImportItem.End openCurrent() throws IOException {
        current = Path.of(fileList.get(index));
        if (runId == 0) {
            runId = runOf(index);
        }
        Instant startedAt = importRuns.startedAt(runId);
        report = inbox.reportFor(current, startedAt, clock.getZone());
        check = checks();
        try {
            reader = ImportFileReader.open(current, importKind, charset);
            if (resumeAfter > 0) {
                CsvLine seen;
                while (reader.lastLine() < resumeAfter && (seen = reader.next()) != null) {
                    if (mine(seen)) {
                        check.apply(seen);
                    }
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
            case RESIDENTS -> new ResidentLineValidator(importRuns.geography(), today)::validate;
            case GRIDS -> new GridLineValidator(importRuns.geography())::validate;
            case VOLUNTEERS -> new VolunteerLineValidator(today)::validate;
        };
    }

    /** The end of the current file for this partition; the next read opens the next one. */
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
        return new ImportPosition(fileList, index, runId, reader == null ? 0 : reader.lastLine(), runList);
    }

    /** Closes the file; the runs a stopped or failed step left open are marked by {@link ImportStepEnd}. */
    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
