package org.wushe.batch.reports;

import jakarta.batch.runtime.context.JobContext;
import org.wushe.reports.application.ReportOutput;
import org.wushe.reports.pdf.ReportFont;
import org.wushe.shared.Installation;

/** Where this execution of reports-monthly writes: the installation's reports directory and font. */
final class ReportRun {

    private ReportRun() {
    }

    /** @throws IllegalStateException naming the setting and the package when the font is missing */
    static ReportOutput output(JobContext job) {
        ReportFont.at(Installation.reportsFont());
        return new ReportOutput(Installation.reportsDir(), Installation.reportsFont(), job.getExecutionId(), job.getJobName());
    }
}
