package org.wushe.web.casework;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.wushe.casework.application.JointMeetingService;
import org.wushe.casework.domain.JointDepartment;
import org.wushe.casework.domain.SharedField;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;
import org.wushe.web.security.SessionBacking;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;
import org.wushe.web.support.TextInputs;

/**
 * A joint meeting: convened by the Party secretary on a stubborn case ({@code ?case=}), then shown
 * ({@code ?id=}) with its papers (the social worker's analysis report, the grid worker's monitoring
 * information), the masked agenda for the departments, the plan to adopt (tasks with department and
 * deadline) and the tasks tracked to closure.
 */
@Named
@ViewScoped
public class MeetingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A task row of the plan being written. */
    public static class TaskLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private String departmentCode;
        private String description;
        private String dueOn;
        public String getDepartmentCode() { return departmentCode; }
        public void setDepartmentCode(String v) { departmentCode = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getDueOn() { return dueOn; }
        public void setDueOn(String v) { dueOn = v; }
    }

    @EJB
    JointMeetingService meetings;

    @EJB
    AccountService accounts;

    @Inject
    SessionBacking sessionBacking;

    private Caller me;
    private Long id;
    private Long caseId;
    private JointMeetingService.MeetingView meeting;
    private JointMeetingService.Agenda agenda;
    private List<JointDepartment> departments = List.of();

    private String scheduledAt;
    private String place;
    private String topic;
    private List<String> invited = new ArrayList<>();
    private List<String> shared = new ArrayList<>();
    private String analysisReport;
    private String monitoringInfo;
    private List<TaskLine> lines = new ArrayList<>(List.of(new TaskLine()));
    private String taskNote;

    public void load() {
        // A refusal while loading is shown in the reader's language, which the view gets only at rendering.
        FacesContext.getCurrentInstance().getViewRoot().setLocale(sessionBacking.getLocale());
        me = accounts.me();
        departments = meetings.departments();
        if (id != null) {
            refresh();
        }
    }

    private void refresh() {
        if (!Actions.run("meeting", () -> {
            meeting = meetings.meeting(id);
        })) {
            meeting = null;
        }
    }

    public String convene() {
        return Actions.call("convene", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Instant at = scheduledAt == null || scheduledAt.isBlank() ? null : TextInputs.time("scheduledAt", scheduledAt, errors);
            errors.throwIfAny();
            JointMeetingService.MeetingView m = meetings.convene(new JointMeetingService.MeetingForm(caseId, at, place,
                    topic, new LinkedHashSet<>(invited), new LinkedHashSet<>(shared), analysisReport, monitoringInfo));
            return "/casework/meeting?faces-redirect=true&id=" + m.id();
        });
    }

    public void attachAnalysis() {
        Actions.run("papers", () -> {
            meetings.attachAnalysis(id, analysisReport);
            FacesErrors.info("meeting.done.attached");
            refresh();
        });
    }

    public void attachMonitoring() {
        Actions.run("papers", () -> {
            meetings.attachMonitoring(id, monitoringInfo);
            FacesErrors.info("meeting.done.attached");
            refresh();
        });
    }

    public void addLine() {
        lines.add(new TaskLine());
    }

    public void adopt() {
        Actions.run("plan", () -> {
            List<JointMeetingService.TaskForm> tasks = new ArrayList<>();
            ValidationException.Collector errors = new ValidationException.Collector();
            for (int i = 0; i < lines.size(); i++) {
                TaskLine l = lines.get(i);
                if (blank(l.departmentCode) && blank(l.description) && blank(l.dueOn)) {
                    continue;
                }
                LocalDate due = FormInputs.optionalDate("tasks[" + i + "].dueOn", l.dueOn, errors);
                tasks.add(new JointMeetingService.TaskForm(l.departmentCode, l.description, due));
            }
            errors.throwIfAny();
            meetings.adoptPlan(id, tasks);
            FacesErrors.info("meeting.done.adopted");
            lines = new ArrayList<>(List.of(new TaskLine()));
            refresh();
        });
    }

    public void complete(JointMeetingService.TaskView t) {
        Actions.run("tasks", () -> {
            meetings.completeTask(t.id(), taskNote);
            FacesErrors.info("meeting.done.taskDone");
            taskNote = null;
            refresh();
        });
    }

    public void showAgenda() {
        Actions.run("meeting", () -> {
            agenda = meetings.departmentAgenda(id);
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public boolean isSecretary() {
        return me.has(Right.CONVENE_JOINT_MEETINGS);
    }

    public boolean isSocialWorker() {
        return me.has(Right.RUN_CASEWORK);
    }

    public boolean isGridWorker() {
        return me.has(Right.LOG_GRID_WORK);
    }

    public boolean isConvening() {
        return id == null && caseId != null;
    }

    public List<String> getSharedFields() {
        return Arrays.stream(SharedField.values()).map(Enum::name).toList();
    }

    public String departmentName(String code) {
        return departments.stream().filter(d -> d.getCode().equals(code)).findFirst()
                .map(d -> "en".equals(FacesContext.getCurrentInstance().getViewRoot()
                        .getLocale().getLanguage()) ? d.getNameEn() : d.getNameZh())
                .orElse(code);
    }

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public Long getCaseId() { return caseId; }
    public void setCaseId(Long v) { caseId = v; }
    public JointMeetingService.MeetingView getMeeting() { return meeting; }
    public JointMeetingService.Agenda getAgenda() { return agenda; }
    public List<JointDepartment> getDepartments() { return departments; }
    public String getScheduledAt() { return scheduledAt; }
    public void setScheduledAt(String v) { scheduledAt = v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { place = v; }
    public String getTopic() { return topic; }
    public void setTopic(String v) { topic = v; }
    public List<String> getInvited() { return invited; }
    public void setInvited(List<String> v) { invited = v; }
    public List<String> getShared() { return shared; }
    public void setShared(List<String> v) { shared = v; }
    public String getAnalysisReport() { return analysisReport; }
    public void setAnalysisReport(String v) { analysisReport = v; }
    public String getMonitoringInfo() { return monitoringInfo; }
    public void setMonitoringInfo(String v) { monitoringInfo = v; }
    public List<TaskLine> getLines() { return lines; }
    public String getTaskNote() { return taskNote; }
    public void setTaskNote(String v) { taskNote = v; }
}
