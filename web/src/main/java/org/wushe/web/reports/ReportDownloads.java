package org.wushe.web.reports;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.wushe.reports.application.ReportFiles;
import org.wushe.web.support.Actions;

/**
 * Downloads a report file from a screen (operator console, assessment dashboard), with the same
 * checks and audit entry as {@code GET /api/reports/{id}/content}.
 */
@Named
@RequestScoped
public class ReportDownloads {

    @EJB
    ReportFiles files;

    public StreamedContent download(long id) {
        return Actions.call("reports", () -> {
            ReportFiles.Download d = files.open(id);
            return DefaultStreamedContent.builder().name(d.file().fileName()).contentType(d.file().contentType())
                    .stream(() -> {
                        try {
                            return Files.newInputStream(d.path());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).build();
        });
    }

    /** A size for reading: bytes, KB or MB. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
