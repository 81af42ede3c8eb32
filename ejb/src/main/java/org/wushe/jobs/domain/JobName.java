package org.wushe.jobs.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wushe.imports.domain.ImportKind;

/**
 * The batch jobs of the application, the one list of them: each with its external name (the job
 * XML {@code META-INF/batch-jobs/<name>.xml}, the REST path {@code /api/jobs/<name>/executions}, the
 * operator console, {@code wushe.nightly.jobs}), in the order the nightly run takes them.
 */
public enum JobName {
    /** Deletes imported files and reports past their retention; every night starts with it. */
    INBOX_PURGE("inbox-purge"),
    GRIDS_IMPORT("grids-import"),
    RESIDENTS_IMPORT("residents-import"),
    VOLUNTEERS_IMPORT("volunteers-import"),
    POINTS_SETTLE("points-settle"),
    ASSESSMENT_RUN("assessment-run"),
    REPORTS_MONTHLY("reports-monthly");

    private static final String IMPORT = "-import";

    private final String external;

    JobName(String external) {
        this.external = external;
    }

    /** The name the batch runtime, the API and the configuration know the job by. */
    public String external() {
        return external;
    }

    /** Whether the job imports a file of the inbox (its {@code file} parameter names one). */
    public boolean isImport() {
        return external.endsWith(IMPORT);
    }

    /** The job that imports files of a kind. */
    public static JobName importing(ImportKind kind) {
        return of(kind.name().toLowerCase(Locale.ROOT) + IMPORT).orElseThrow();
    }

    /** The job of an external name; empty for a name this version does not have. */
    public static Optional<JobName> of(String external) {
        return Arrays.stream(values()).filter(j -> j.external.equals(external)).findFirst();
    }

    /** The external names of all jobs, in the nightly order. */
    public static List<String> externalNames() {
        return Arrays.stream(values()).map(JobName::external).toList();
    }

    /** What the nightly run takes after {@link #INBOX_PURGE} when the configuration names nothing: every other job. */
    public static List<JobName> nightlyDefault() {
        return Arrays.stream(values()).filter(j -> j != INBOX_PURGE).toList();
    }

    @Override
    public String toString() {
        return external;
    }
}
