package org.wushe.reports.application;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where a report run writes and with what: the reports directory (one sub-directory per period),
 * the report font, and the job execution that writes (null for a report made on demand).
 */
public record ReportOutput(Path dir, Path font, Long executionId, String jobName) implements Serializable {
}
