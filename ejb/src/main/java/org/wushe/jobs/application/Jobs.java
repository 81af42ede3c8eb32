package org.wushe.jobs.application;

import jakarta.ejb.Local;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.wushe.imports.domain.ImportKind;
import org.wushe.jobs.domain.JobName;

/**
 * The IT operator's hold on the batch jobs: the jobs there are, their recent executions with
 * per-step counts, start, stop and restart. Every method needs the right {@code OPERATE_JOBS} and
 * refuses anyone else with {@code NotPermittedException}. Implemented by the batch module, next to
 * the jobs; the operator console and {@code /api/jobs} use it.
 */
@Local
public interface Jobs {

    /**
     * The external names of the jobs ({@link JobName}), in the nightly order.
     * Who may call: the IT operator.
     */
    List<String> jobs();

    /**
     * The latest executions over all jobs, newest first, at most {@code max}.
     * Who may call: the IT operator.
     */
    List<ExecutionView> recent(int max);

    /**
     * One execution with its steps. Who may call: the IT operator.
     *
     * @throws org.wushe.shared.NotFoundException for an execution that does not exist
     */
    ExecutionView execution(long id);

    /**
     * Starts a job; parameters not given take the job XML's defaults. An import job's {@code file}
     * must name a file inside the import inbox. Who may call: the IT operator.
     *
     * @param job the job's external name ({@link JobName#external()})
     * @return the execution id
     * @throws org.wushe.shared.ValidationException {@code job.unknown} for a name that is no job,
     *         {@code job.parameterName} for a parameter name that is not one, or the inbox's refusal
     *         of a file outside it
     * @throws org.wushe.shared.ConflictException {@code job.notStarted} when the runtime refuses
     */
    long start(String job, Map<String, String> parameters);

    /**
     * Asks a running execution to stop at its next checkpoint. Who may call: the IT operator.
     *
     * @throws org.wushe.shared.NotFoundException for an execution that does not exist
     * @throws org.wushe.shared.ConflictException {@code job.notRunning} when it is not running
     */
    void stop(long id);

    /**
     * Starts a job for the installation itself, with no one signed in: the nightly run, the demo
     * city's first reports. Every job the application starts goes through this bean, and so does
     * every read of the console: a server may show an execution only to the component that started
     * it (Payara tags each execution with the starting bean), so a job started elsewhere would not
     * be on the console. Recorded in the audit log under {@code by}. Who may call: the
     * application's own timers; no screen and no API reaches it.
     *
     * @return the execution id
     * @throws org.wushe.shared.ValidationException {@code job.unknown} for a name that is no job
     * @throws org.wushe.shared.ConflictException {@code job.notStarted} when the runtime refuses
     */
    long startUnattended(String job, Map<String, String> parameters, String by);

    /**
     * The batch status of an execution (STARTING ... COMPLETED), for the application's own timers
     * that wait for a job they started. Who may call: as {@link #startUnattended}.
     *
     * @throws org.wushe.shared.NotFoundException for an execution that does not exist
     */
    String batchStatus(long id);

    /**
     * Restarts a stopped or failed execution from its last checkpoint with its parameters, those
     * given replacing them. Who may call: the IT operator.
     *
     * @return the new execution id
     * @throws org.wushe.shared.NotFoundException for an execution that does not exist
     * @throws org.wushe.shared.ConflictException {@code job.notRestartable} for a completed execution
     *         or one that is not its instance's latest
     */
    long restart(long id, Map<String, String> parameters);

    /**
     * Saves an upload of the operator console into the inbox's {@code uploads/} and starts its
     * kind's import job with it ({@link JobName#importing}). The right is checked before a byte is
     * read or written; the file is written under a temporary name and renamed when complete, and
     * refused when it outgrows {@code wushe.upload.importMaxMB}. Who may call: the IT operator.
     *
     * @param submittedName the name the browser gave (only letters, digits, {@code . _ -} are kept)
     * @param content       the file's bytes, read once
     * @param encoding      AUTO, UTF-8 or GBK
     * @return the execution id
     * @throws org.wushe.shared.ValidationException {@code operator.upload.missing},
     *         {@code operator.upload.notCsv}, {@code operator.upload.tooLarge},
     *         {@code operator.upload.failed} on field {@code file}
     */
    long importUpload(ImportKind kind, String submittedName, InputStream content, String encoding);
}
