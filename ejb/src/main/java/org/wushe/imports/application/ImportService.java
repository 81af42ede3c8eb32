package org.wushe.imports.application;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.imports.domain.CsvLine;
import org.wushe.imports.domain.Encodings;
import org.wushe.imports.domain.GridLineValidator;
import org.wushe.imports.domain.GridRow;
import org.wushe.imports.domain.ImportFileException;
import org.wushe.imports.domain.ImportFileReader;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.ImportReport;
import org.wushe.imports.domain.ImportRun;
import org.wushe.imports.domain.LineProblem;
import org.wushe.imports.domain.LineResult;
import org.wushe.imports.domain.ReasonText;
import org.wushe.imports.domain.ResidentLineValidator;
import org.wushe.imports.domain.ResidentRow;
import org.wushe.imports.domain.VolunteerLineValidator;
import org.wushe.imports.domain.VolunteerRow;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;

/**
 * Imports one whole file in chunks of {@value #CHUNK} lines, each chunk in its own transaction:
 * reads it ({@link ImportFileReader}), checks each line (the kind's validator), stores the good
 * lines and records the bad ones ({@link ImportWriter}), and writes the report. If the database
 * refuses a chunk, its lines are stored one by one, so only the line it refuses is lost and that
 * line is reported ({@code import.store.failed}). The same pieces serve the batch jobs, which add
 * checkpoints and restarts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportService {

    /** Lines per transaction. */
    public static final int CHUNK = 1000;

    private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

    @EJB
    ImportRuns runs;

    @EJB
    ImportWriter writer;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller currentCaller;

    /**
     * Imports a file as the signed-in operator; needs {@link Right#OPERATE_JOBS}.
     *
     * @param charset  the file's encoding, or null to detect it
     * @param report   where to write the report, or null for next to the file ({@link ImportReport#besides})
     * @param text     the texts of the report's reasons in the reader's language (the screens pass their
     *                 messages; {@link ReasonText#bundle} finds them through the context class loader)
     * @return the run with its counts; status FAILED when the file could not be read to its end
     */
    public ImportRunView importFile(ImportKind kind, Path file, Charset charset, Path report, ReasonText text) {
        Caller caller = currentCaller.get();
        caller.require(Right.OPERATE_JOBS);
        return run(kind, file, charset, report, text, caller.username());
    }

    /**
     * The same for a job or the inbox, without a signed-in user: {@code startedBy} names who or what
     * started it (e.g. {@code inbox}). Internal.
     */
    public ImportRunView run(ImportKind kind, Path file, Charset charset, Path report, ReasonText text,
                             String startedBy) {
        long runId = runs.start(kind, file.getFileName().toString(), startedBy);
        try {
            runs.total(runId, ImportFileReader.countLines(file));
        } catch (IOException e) {
            LOG.log(Level.FINE, "import run {0}: the file's lines could not be counted: {1}", new Object[]{runId, e});
        }
        Path reportFile = report != null ? report : ImportReport.besides(file);
        Pipeline pipeline = pipeline(kind, runId);
        String charsetName = charset == null ? null : Encodings.label(charset);
        LineProblem fileProblem = null;
        List<LineResult<?>> chunk = new ArrayList<>(CHUNK);
        try (ImportFileReader reader = ImportFileReader.open(file, kind, charset)) {
            charsetName = Encodings.label(reader.charset());
            try {
                CsvLine line;
                while ((line = reader.next()) != null) {
                    chunk.add(pipeline.check().apply(line));
                    if (chunk.size() == CHUNK) {
                        store(runId, pipeline, chunk);
                        chunk.clear();
                    }
                }
            } finally {
                // The lines read before a file problem are stored all the same.
                store(runId, pipeline, chunk);
            }
        } catch (ImportFileException e) {
            fileProblem = e.problem();
        } catch (IOException e) {
            fileProblem = new LineProblem(0, "file", "import.file.unreadable", String.valueOf(e.getMessage()));
        }
        if (fileProblem != null) {
            writer.problem(runId, fileProblem);
        }
        return runs.finish(runId, fileProblem == null ? ImportRun.Status.COMPLETED : ImportRun.Status.FAILED,
                charsetName, reportFile, text == null ? ReasonText.bureau() : text);
    }

    /** How one kind of file is checked and stored. */
    private record Pipeline(Function<CsvLine, LineResult<?>> check, Function<List<LineResult<?>>, Object> store) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Pipeline pipeline(ImportKind kind, long runId) {
        LocalDate today = LocalDate.now(clock);
        return switch (kind) {
            case RESIDENTS -> {
                ResidentLineValidator v = new ResidentLineValidator(runs.geography(), today);
                yield new Pipeline(v::validate, lines -> writer.residents(runId, (List<LineResult<ResidentRow>>) (List) lines));
            }
            case GRIDS -> {
                GridLineValidator v = new GridLineValidator(runs.geography());
                yield new Pipeline(v::validate, lines -> writer.grids(runId, (List<LineResult<GridRow>>) (List) lines));
            }
            case VOLUNTEERS -> {
                VolunteerLineValidator v = new VolunteerLineValidator(today);
                yield new Pipeline(v::validate, lines -> writer.volunteers(runId, (List<LineResult<VolunteerRow>>) (List) lines));
            }
        };
    }

    private void store(long runId, Pipeline pipeline, List<LineResult<?>> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            pipeline.store().apply(chunk);
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "import run {0}: a chunk was refused, storing its lines one by one: {1}",
                    new Object[]{runId, e.getMessage()});
            for (LineResult<?> line : chunk) {
                try {
                    pipeline.store().apply(List.of(line));
                } catch (EJBException single) {
                    writer.refuse(runId, new LineProblem(line.line(), "line", "import.store.failed"));
                }
            }
        }
    }
}
