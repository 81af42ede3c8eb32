package org.wushe.reports.application;

import java.time.Instant;
import org.wushe.reports.domain.ReportKind;

/** A report file as listed: its community (none for a city-wide file), period, name, size and checksum, and the job run that wrote it. */
public record ReportFileView(long id, Long executionId, String jobName, ReportKind kind, String communityCode,
                             String communityName, String period, String fileName, long size, String sha256,
                             Instant createdAt) {

    public String contentType() {
        return kind.contentType();
    }
}
