package org.wushe.imports.application;

import java.time.Instant;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.ImportRun;

/** One import run as the operator sees it: file, encoding, status, counts and where its report is. */
public record ImportRunView(long id, ImportKind kind, String fileName, String charset, ImportRun.Status status,
                            String startedBy, Instant startedAt, Instant finishedAt, long linesRead, long inserted,
                            long updated, long unchanged, long rejected, String reportPath, Long linesTotal, long lineAt) {

    /** Whether the run is going on and knows its file's size, so its progress can be shown. */
    public boolean showsProgress() {
        return status == ImportRun.Status.RUNNING && linesTotal != null && linesTotal > 0;
    }

    /** The share of the file's lines its committed chunks reached, 0 to 100. */
    public int percent() {
        if (linesTotal == null || linesTotal <= 0) {
            return 0;
        }
        return (int) Math.min(100, lineAt * 100 / linesTotal);
    }

    static ImportRunView of(ImportRun r) {
        return new ImportRunView(r.getId(), r.getKind(), r.getFileName(), r.getCharset(), r.getStatus(),
                r.getStartedBy(), r.getStartedAt(), r.getFinishedAt(), r.getLinesRead(), r.getInserted(),
                r.getUpdated(), r.getUnchanged(), r.getRejected(), r.getReportPath(), r.getLinesTotal(), r.getLineAt());
    }
}
