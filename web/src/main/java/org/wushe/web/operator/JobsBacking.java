package org.wushe.web.operator;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wushe.batch.console.ExecutionView;
import org.wushe.batch.console.JobConsole;
import org.wushe.shared.ValidationException;
import org.wushe.shared.WusheException;
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
    JobConsole console;

    private List<String> jobs = List.of();
    private List<ExecutionView> executions = List.of();
    private String job;
    private String parameters;

    public void load() {
        try {
            jobs = console.jobs();
            if (job == null && !jobs.isEmpty()) {
                job = jobs.get(0);
            }
            refresh();
        } catch (WusheException e) {
            FacesErrors.show(e, "start");
        }
    }

    public void refresh() {
        executions = console.recent(50);
    }

    public void start() {
        try {
            long id = console.start(job, parse(parameters));
            FacesErrors.info("operator.started", job, id);
            parameters = null;
        } catch (WusheException e) {
            FacesErrors.show(e, "start");
        }
        refresh();
    }

    public void stop(long id) {
        try {
            console.stop(id);
            FacesErrors.info("operator.stopping", id);
        } catch (WusheException e) {
            FacesErrors.show(e, "executions");
        }
        refresh();
    }

    public void restart(long id) {
        try {
            long again = console.restart(id, Map.of());
            FacesErrors.info("operator.restarted", id, again);
        } catch (WusheException e) {
            FacesErrors.show(e, "executions");
        }
        refresh();
    }

    /** Whether any listed execution is still running (the page then refreshes itself). */
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
