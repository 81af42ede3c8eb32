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
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.wushe.imports.application.ImportRunView;
import org.wushe.imports.application.ImportService;
import org.wushe.imports.domain.Encodings;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.ImportReport;
import org.wushe.imports.domain.ReasonText;
import org.wushe.shared.Installation;

/**
 * Imports one file (parameter {@code file}, e.g. an upload from the operator console) or every file
 * of its kind waiting in the inbox ({@code <kind>*.csv}, oldest name first). Each file is read in
 * chunks, each chunk in its own transaction (see ImportService), so running a file again changes
 * nothing it stored; an inbox file and its report then move to {@code done/} with the time. The exit
 * status names the runs, which the console lists with their counts and reports.
 */
@Named
@Dependent
public class InboxImportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(InboxImportBatchlet.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

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

    @EJB
    ImportService imports;

    @Override
    public String process() throws IOException {
        ImportKind k = ImportKind.valueOf(kind);
        var charset = Encodings.named(encoding);
        List<Long> runs = new ArrayList<>();
        if (file != null && !file.isBlank()) {
            Path one = Path.of(file.trim());
            if (!Files.isRegularFile(one)) {
                throw new IllegalArgumentException("no file to import at " + one);
            }
            runs.add(imports.run(k, one, charset, ImportReport.besides(one), ReasonText.keys(), job.getJobName()).id());
        } else {
            Path inbox = Installation.inbox();
            Path done = Files.createDirectories(inbox.resolve("done"));
            for (Path f : waiting(inbox, k)) {
                ImportRunView run = imports.run(k, f, charset, ImportReport.besides(f), ReasonText.keys(),
                        job.getJobName() + ":inbox");
                runs.add(run.id());
                String stamp = LocalDateTime.now().format(STAMP) + "-";
                Path report = ImportReport.besides(f);
                Files.move(f, done.resolve(stamp + f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                if (Files.exists(report)) {
                    Files.move(report, done.resolve(stamp + report.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
                LOG.info(() -> job.getJobName() + ": " + f.getFileName() + " imported as run " + run.id() + " ("
                        + run.inserted() + " new, " + run.updated() + " changed, " + run.rejected() + " refused)");
            }
        }
        return "RUNS " + runs;
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
