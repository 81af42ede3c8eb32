package org.wushe.web.operator;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.wushe.imports.application.ImportRunView;
import org.wushe.imports.application.ImportRuns;
import org.wushe.imports.domain.ImportKind;
import org.wushe.imports.domain.ReasonText;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.JobProgress;
import org.wushe.jobs.application.Jobs;
import org.wushe.jobs.domain.JobName;
import org.wushe.reports.application.ReportFileView;
import org.wushe.reports.application.ReportFiles;
import org.wushe.shared.ValidationException;
import org.wushe.shared.WusheException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * The operator console: start a job with parameters ({@code name=value}, one per line; what is left
 * out takes the job XML's default), follow the recent executions with their step counts, stop a
 * running one, restart a stopped or failed one.
 */
@Named
@ViewScoped
public class JobsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Jobs console;

    @EJB
    ImportRuns importRuns;

    @EJB
    ReportFiles reportFiles;

    @EJB
    JobProgress jobProgress;

    private transient Part upload;
    private String importKind = "RESIDENTS";
    private String importEncoding = "AUTO";
    private List<ImportRunView> runs = List.of();
    private Map<Long, List<ReportFileView>> filesByExecution = Map.of();
    private Map<Long, JobProgress.Progress> progress = Map.of();
    private Long execution;

    private List<String> jobs = List.of();
    private List<ExecutionView> executions = List.of();
    private String job;
    private String parameters;

    public void load() {
        Actions.run("start", () -> {
            jobs = console.jobs();
            if ((job == null || !jobs.contains(job)) && !jobs.isEmpty()) {
                job = jobs.get(0);
            }
            refresh();
        });
    }

    public void refresh() {
        executions = console.recent(50);
        runs = importRuns.recent(20);
        List<Long> ids = executions.stream().filter(e -> e.job().startsWith("reports-")).map(ExecutionView::id).toList();
        Map<Long, List<ReportFileView>> files = new LinkedHashMap<>();
        reportFiles.ofExecutions(ids).forEach(f -> files.computeIfAbsent(f.executionId(), k -> new java.util.ArrayList<>()).add(f));
        this.filesByExecution = files;
        this.progress = jobProgress.of(executions.stream().filter(ExecutionView::running).map(ExecutionView::id).toList());
    }

    /** A running execution's progress from the database (the settlement's sources), or null. */
    public JobProgress.Progress progress(long executionId) {
        return progress.get(executionId);
    }

    /** The row of the execution a link named ({@code ?execution=}, e.g. from a notification), marked. */
    public String rowClass(long executionId) {
        return execution != null && execution == executionId ? "wushe-highlight" : null;
    }

    public Long getExecution() {
        return execution;
    }

    public void setExecution(Long execution) {
        this.execution = execution;
    }

    /** The report files an execution wrote (none for the other jobs). */
    public List<ReportFileView> files(long executionId) {
        return filesByExecution.getOrDefault(executionId, List.of());
    }

    /**
     * Hands the uploaded file to the console service, which checks the operator's right before it
     * reads a byte, saves the file under the inbox's {@code uploads/} and starts its kind's import
     * job with it. (The container refused the upload of anyone else before parsing it.)
     */
    public void importUpload() {
        try {
            if (upload == null || upload.getSize() == 0) {
                throw ValidationException.of("file", "operator.upload.missing");
            }
            ImportKind kind = ImportKind.valueOf(importKind);
            long id;
            try (java.io.InputStream in = upload.getInputStream()) {
                id = console.importUpload(kind, upload.getSubmittedFileName(), in, importEncoding);
            }
            FacesErrors.info("operator.started", JobName.importing(kind).external(), id);
        } catch (WusheException e) {
            FacesErrors.show(e, "upload");
        } catch (java.io.IOException | IllegalArgumentException e) {
            FacesErrors.show(ValidationException.of("file", "operator.upload.failed", String.valueOf(e.getMessage())), "upload");
        } finally {
            deleteParts();
        }
        refresh();
    }

    /** The container's temporary copy of the upload goes as soon as the request is done with it. */
    private void deleteParts() {
        if (upload != null) {
            try {
                upload.delete();
            } catch (java.io.IOException | RuntimeException ignored) {
                // the container removes it at the end of the request anyway
            }
            upload = null;
        }
    }

    /** An import run's report in the reader's language. */
    public StreamedContent report(long runId) throws java.io.IOException {
        java.util.Locale locale = jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale();
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("wushe-report-", ".csv");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(tmp)) {
            importRuns.download(runId, out, ReasonText.of(java.util.ResourceBundle.getBundle(ReasonText.BUNDLE, locale)));
        }
        return DefaultStreamedContent.builder().name("import-" + runId + "-report.csv").contentType("text/csv")
                .stream(() -> {
                    try {
                        return java.nio.file.Files.newInputStream(tmp, java.nio.file.StandardOpenOption.DELETE_ON_CLOSE);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).build();
    }

    public void start() {
        Actions.run("start", () -> {
            long id = console.start(job, parse(parameters));
            FacesErrors.info("operator.started", job, id);
            parameters = null;
        });
        refresh();
    }

    public void stop(long id) {
        Actions.run("executions", () -> {
            console.stop(id);
            FacesErrors.info("operator.stopping", id);
        });
        refresh();
    }

    public void restart(long id) {
        Actions.run("executions", () -> {
            long again = console.restart(id, Map.of());
            FacesErrors.info("operator.restarted", id, again);
        });
        refresh();
    }

    /**
     * Whether any listed execution is still running (the page then refreshes itself, and with it the
     * progress of the import runs and the settlement). A run left RUNNING by a server that died does
     * not keep the page refreshing: only a running execution does.
     */
    public boolean isAnyRunning() {
        return executions.stream().anyMatch(ExecutionView::running);
    }

    /** {@code name=value} lines; a line without {@code =} is refused with its number. */
    static Map<String, String> parse(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) {
            return map;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw ValidationException.of("parameters", "operator.parameterLine", i + 1);
            }
            map.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return map;
    }

    public List<ImportRunView> getRuns() {
        return runs;
    }

    public Part getUpload() {
        return upload;
    }

    public void setUpload(Part upload) {
        this.upload = upload;
    }

    public String getImportKind() {
        return importKind;
    }

    public void setImportKind(String importKind) {
        this.importKind = importKind;
    }

    public String getImportEncoding() {
        return importEncoding;
    }

    public void setImportEncoding(String importEncoding) {
        this.importEncoding = importEncoding;
    }

    public List<String> getJobs() {
        return jobs;
    }

    public List<ExecutionView> getExecutions() {
        return executions;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public String getParameters() {
        return parameters;
    }

    public void setParameters(String parameters) {
        this.parameters = parameters;
    }
}
