package org.wushe.batch.imports;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.wushe.imports.application.ImportRunView;
import org.wushe.imports.application.ImportService;
import org.wushe.imports.domain.Encodings;
import org.wushe.imports.domain.Inbox;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.ReasonText;
import org.wushe.shared.Installation;
import org.wushe.shared.ValidationException;

/**
 * Imports one file of the inbox (parameter {@code file}, e.g. an upload from the operator console,
 * {@code uploads/…}) or every file of its kind waiting at the top of the inbox ({@code <kind>*.csv},
 * oldest name first). Each file is read in chunks, each chunk in its own transaction (see
 * ImportService), so running a file again changes nothing it stored. When its run has ended the
 * file moves to the inbox's {@code done/} with the time; its report is written to {@code reports/}.
 * The exit status names the runs, which the console lists with their counts and reports.
 *
 * <p>The {@code file} parameter names a file inside the inbox only ({@link Inbox#file}): the console
 * and {@code /api/jobs} refuse any other name before the job starts; a job started another way with
 * such a name fails here before anything is opened or written.
 */
@Named
@Dependent
public class InboxImportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(InboxImportBatchlet.class.getName());

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
    ImportService imports;

    @Override
    public String process() throws IOException {
        ImportKind k = ImportKind.valueOf(kind);
        var charset = Encodings.named(encoding);
        Inbox inbox = Inbox.at(Installation.inbox());
        List<Long> runs = new ArrayList<>();
        if (file != null && !file.isBlank()) {
            Path one;
            try {
                one = inbox.file(file);
            } catch (ValidationException e) {
                String key = e.errors().get(0).key();
                LOG.warning(() -> job.getJobName() + ": refused the file parameter '" + file + "' (" + key + ")");
                throw new IllegalArgumentException(key + ": the file parameter must name a file inside the import inbox "
                        + inbox.root() + ", not '" + file + "'");
            }
            runs.add(importOne(inbox, k, one, charset, job.getJobName()));
        } else {
            for (Path f : waiting(inbox.root(), k)) {
                runs.add(importOne(inbox, k, f, charset, job.getJobName() + ":inbox"));
            }
        }
        return "RUNS " + runs;
    }

    private long importOne(Inbox inbox, ImportKind k, Path f, java.nio.charset.Charset charset, String startedBy)
            throws IOException {
        Instant at = clock.instant();
        if (inbox.isDone(f)) {
            // Imported again by name: it counts as imported now, so the retention does not take it mid-run.
            Files.setLastModifiedTime(f, FileTime.from(at));
        }
        ImportRunView run = imports.run(k, f, charset, inbox.reportFor(f, at, clock.getZone()), ReasonText.bureau(),
                startedBy);
        Path kept = inbox.imported(f, clock.instant(), clock.getZone());
        LOG.info(() -> job.getJobName() + ": " + f.getFileName() + " imported as run " + run.id() + " ("
                + run.inserted() + " new, " + run.updated() + " changed, " + run.rejected() + " refused), kept as "
                + inbox.nameOf(kept));
        return run.id();
    }

    /** The inbox's files of a kind: {@code residents*.csv} etc., not reports, oldest name first. */
    static List<Path> waiting(Path inbox, ImportKind kind) throws IOException {
        String prefix = kind.name().toLowerCase(Locale.ROOT);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(inbox, prefix + "*.csv")) {
            for (Path p : dir) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".report.csv")) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        return files;
    }
}
