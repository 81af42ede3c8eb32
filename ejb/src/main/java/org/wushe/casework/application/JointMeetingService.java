package org.wushe.casework.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.casework.domain.JointDepartment;
import org.wushe.casework.domain.JointMeeting;
import org.wushe.casework.domain.MeetingTask;
import org.wushe.casework.domain.SharedField;
import org.wushe.casework.domain.SocialCase;
import org.wushe.casework.domain.TaskStatus;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.Masking;
import org.wushe.community.domain.Resident;
import org.wushe.community.domain.ResidentTag;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * Joint meetings on stubborn cases: the Party secretary convenes one and invites departments; the
 * social worker attaches the analysis report and the grid worker the monitoring information; the
 * departments get a masked agenda with only the personal data the case needs; the meeting adopts a
 * plan of tasks (owning department, deadline) tracked to closure.
 */
@Stateless
public class JointMeetingService {

    static final String RECORD_TYPE = "joint_meeting";

    /** The restricted papers a meeting's view carries: written to the audit log as a restricted read. */
    static final String PAPERS = "analysisReport,monitoringInfo";

    @PersistenceContext
    EntityManager em;

    @Inject
    CaseworkAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A meeting as the Party secretary convenes it; the papers may come with it or later. */
    public record MeetingForm(Long caseId, Instant scheduledAt, String place, String topic, Set<String> departments,
                              Set<String> sharedFields, String analysisReport, String monitoringInfo) {
    }

    /** A task of the plan as adopted. */
    public record TaskForm(String departmentCode, String description, LocalDate dueOn) {
    }

    public record TaskView(Long id, Long meetingId, String departmentCode, String description, LocalDate dueOn,
                           String status, boolean overdue, Instant doneAt, String doneBy, String doneNote) {
    }

    public record MeetingView(Long id, Long caseId, String caseTitle, String convenedBy, Instant scheduledAt,
                              String place, String topic, List<String> departments, List<String> sharedFields,
                              String analysisReport, String analysisBy, String monitoringInfo, String monitoringBy,
                              String status, Instant planAdoptedAt, Instant closedAt, List<TaskView> tasks) {
    }

    /** The resident as the departments see them: only the shared fields, masked; never the ID number. */
    public record AgendaPerson(String name, String gender, Integer age, String address, String phone, List<String> tags) {
    }

    /** What the external departments receive. */
    public record Agenda(Long meetingId, String communityName, Instant scheduledAt, String place, String topic,
                         List<String> departments, AgendaPerson person, String analysisReport, String monitoringInfo,
                         List<TaskView> tasks) {
    }

    /**
     * The Party secretary of the case's community convenes a joint meeting on a stubborn, open case
     * ({@link Right#CONVENE_JOINT_MEETINGS}). Refused per field: no time or a past one, no place, no
     * topic, no department or an unknown one, an unknown shared field.
     */
    public MeetingView convene(MeetingForm f) {
        Caller caller = access.caller(Right.CONVENE_JOINT_MEETINGS);
        SocialCase c = access.socialCase(f.caseId());
        access.community(caller, c.getCommunityId());
        if (!c.isStubborn() || !c.isOpen()) {
            throw new ConflictException("meeting.case.notStubborn", "Only an open stubborn case");
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        Instant now = clock.instant();
        if (f.scheduledAt() == null) {
            errors.add("scheduledAt", "error.required");
        } else if (f.scheduledAt().isBefore(now.minusSeconds(3600))) {
            errors.add("scheduledAt", "meeting.time.past");
        }
        String place = errors.text("place", f.place(), 100, true);
        String topic = errors.text("topic", f.topic(), 200, true);
        Set<String> departments = departments("departments", f.departments(), errors);
        Set<SharedField> shared = EnumSet.noneOf(SharedField.class);
        for (String s : f.sharedFields() == null ? Set.<String>of() : f.sharedFields()) {
            SharedField field = CaseworkAccess.choice("sharedFields", SharedField.class, s, false, errors);
            if (field != null) {
                shared.add(field);
            }
        }
        String analysis = errors.text("analysisReport", f.analysisReport(), 4000, false);
        String monitoring = errors.text("monitoringInfo", f.monitoringInfo(), 4000, false);
        errors.throwIfAny();
        JointMeeting m = new JointMeeting(c.getCommunityId(), c.getId(), caller.username(), now, f.scheduledAt(), place,
                topic, departments, shared);
        if (analysis != null) {
            m.attachAnalysis(analysis, caller.username());
        }
        if (monitoring != null) {
            m.attachMonitoring(monitoring, caller.username());
        }
        em.persist(m);
        em.flush();
        return view(m, c);
    }

    private Set<String> departments(String field, Set<String> codes, ValidationException.Collector errors) {
        Set<String> known = em.createQuery("select d.code from JointDepartment d where d.active = true", String.class)
                .getResultStream().collect(Collectors.toSet());
        Set<String> chosen = new LinkedHashSet<>();
        for (String code : codes == null ? Set.<String>of() : codes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            String c = code.strip().toUpperCase();
            if (!known.contains(c)) {
                errors.add(field, "meeting.department.unknown", code);
            } else {
                chosen.add(c);
            }
        }
        if (chosen.isEmpty() && !errors.has(field)) {
            errors.add(field, "meeting.departments.required");
        }
        return chosen;
    }

    /** The case's social worker attaches (or replaces) the analysis report. */
    public MeetingView attachAnalysis(Long meetingId, String report) {
        Caller caller = access.caller(Right.RUN_CASEWORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = errors.text("analysisReport", report, 4000, true);
        errors.throwIfAny();
        JointMeeting m = lock(meetingId);
        SocialCase c = access.socialCase(m.getCaseId());
        access.requireOwnWorker(caller, c);
        m.attachAnalysis(text, caller.username());
        return view(m, c);
    }

    /** A grid worker of the case's grid cell attaches (or replaces) the monitoring information. */
    public MeetingView attachMonitoring(Long meetingId, String info) {
        Caller caller = access.caller(Right.LOG_GRID_WORK);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = errors.text("monitoringInfo", info, 4000, true);
        errors.throwIfAny();
        JointMeeting m = lock(meetingId);
        SocialCase c = access.socialCase(m.getCaseId());
        access.requireCovers(caller, em.find(GridCell.class, c.getGridCellId()));
        m.attachMonitoring(text, caller.username());
        return view(m, c);
    }

    /**
     * The meeting adopts its joint handling plan (the Party secretary): at least one task, each
     * owned by an invited department, with a description and a deadline not in the past. Needs both
     * papers attached ({@code meeting.papers.missing}); once only.
     */
    public MeetingView adoptPlan(Long meetingId, List<TaskForm> tasks) {
        Caller caller = access.caller(Right.CONVENE_JOINT_MEETINGS);
        JointMeeting m = lock(meetingId);
        access.community(caller, m.getCommunityId());
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate today = LocalDate.now(clock);
        List<TaskForm> list = tasks == null ? List.of() : tasks;
        if (list.isEmpty()) {
            errors.add("tasks", "meeting.tasks.required");
        }
        for (int i = 0; i < list.size(); i++) {
            TaskForm t = list.get(i);
            String code = errors.text("tasks[" + i + "].departmentCode", t.departmentCode(), 30, true);
            if (code != null && !m.departmentCodes().contains(code.toUpperCase())) {
                errors.add("tasks[" + i + "].departmentCode", "meeting.department.notInvited", code);
            }
            errors.text("tasks[" + i + "].description", t.description(), 1000, true);
            if (t.dueOn() == null) {
                errors.add("tasks[" + i + "].dueOn", "error.required");
            } else if (t.dueOn().isBefore(today)) {
                errors.add("tasks[" + i + "].dueOn", "meeting.task.duePast");
            }
        }
        errors.throwIfAny();
        m.adoptPlan(clock.instant());
        for (TaskForm t : list) {
            em.persist(new MeetingTask(m.getId(), m.getCommunityId(), t.departmentCode().strip().toUpperCase(),
                    t.description().strip(), t.dueOn()));
        }
        em.flush();
        return view(m, access.socialCase(m.getCaseId()));
    }

    /** The Party secretary marks a task done; when the last one is done the meeting closes. */
    public TaskView completeTask(Long taskId, String note) {
        Caller caller = access.caller(Right.CONVENE_JOINT_MEETINGS);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = errors.text("note", note, 1000, false);
        errors.throwIfAny();
        MeetingTask t = taskEntity(taskId);
        access.community(caller, t.getCommunityId());
        Instant now = clock.instant();
        t.complete(caller.username(), text, now);
        em.flush();
        long open = em.createQuery("select count(t) from MeetingTask t where t.meetingId = :m and t.status = :o", Long.class)
                .setParameter("m", t.getMeetingId()).setParameter("o", TaskStatus.OPEN).getSingleResult();
        if (open == 0) {
            lock(t.getMeetingId()).close(now);
        }
        return task(t, LocalDate.now(clock));
    }

    /**
     * One meeting with its papers and plan: for the community's Party secretary and the readers of
     * the case (its social worker, their supervisor).
     */
    public MeetingView meeting(Long id) {
        Caller caller = access.caller();
        JointMeeting m = entity(id);
        SocialCase c = access.socialCase(m.getCaseId());
        access.requireRead(caller, c);
        audit.record(caller, AuditAction.READ_RESTRICTED, m.getCommunityId(), RECORD_TYPE, m.getId(), PAPERS,
                "joint meeting papers", "meeting of case " + c.getId());
        return view(m, c);
    }

    /** The meetings of a case (same readers as the case). */
    public List<MeetingView> ofCase(Long caseId) {
        Caller caller = access.caller();
        SocialCase c = access.socialCase(caseId);
        access.requireRead(caller, c);
        List<MeetingView> views = em.createQuery("select m from JointMeeting m where m.caseId = :c order by m.scheduledAt desc",
                JointMeeting.class).setParameter("c", caseId).getResultStream().map(m -> view(m, c)).toList();
        if (!views.isEmpty()) {
            audit.record(caller, AuditAction.READ_RESTRICTED, c.getCommunityId(), RECORD_TYPE, null, PAPERS,
                    "joint meeting papers", "the " + views.size() + " meetings of case " + c.getId());
        }
        return views;
    }

    /**
     * The agenda for the external departments: the meeting, the case's topic, the papers and the
     * plan, and of the resident only the fields the meeting shares, masked (name and gender as they
     * are, age instead of birth date, phone and address masked, tags), never the ID number nor the
     * case file's entries. Written to the audit log as an export. For the Party secretary.
     */
    public Agenda departmentAgenda(Long id) {
        Caller caller = access.caller(Right.CONVENE_JOINT_MEETINGS);
        JointMeeting m = entity(id);
        Community community = access.community(caller, m.getCommunityId());
        SocialCase c = access.socialCase(m.getCaseId());
        Resident r = em.find(Resident.class, c.getResidentId());
        Set<SharedField> shared = m.shared();
        LocalDate today = LocalDate.now(clock);
        AgendaPerson person = new AgendaPerson(
                shared.contains(SharedField.NAME) ? r.getName() : r.getName().substring(0, 1) + "某",
                shared.contains(SharedField.GENDER) ? r.getGender().name() : null,
                shared.contains(SharedField.AGE) ? Period.between(r.getBirthDate(), today).getYears() : null,
                shared.contains(SharedField.ADDRESS) ? Masking.address(r.getAddress()) : null,
                shared.contains(SharedField.PHONE) ? Masking.phone(r.getPhone()) : null,
                shared.contains(SharedField.TAGS) ? r.getTags().stream().map(ResidentTag::label).sorted().toList() : List.of());
        audit.record(caller, AuditAction.EXPORT, m.getCommunityId(), RECORD_TYPE, m.getId(),
                shared.stream().map(Enum::name).collect(Collectors.joining(",")), "joint meeting agenda", null);
        return new Agenda(m.getId(), community.getName(), m.getScheduledAt(), m.getPlace(), m.getTopic(),
                List.copyOf(m.departmentCodes()), person, m.getAnalysisReport(), m.getMonitoringInfo(), tasks(m.getId()));
    }

    /** The tasks of a meeting's plan (the Party secretary of its community). */
    public List<TaskView> planTasks(Long meetingId) {
        Caller caller = access.caller(Right.CONVENE_JOINT_MEETINGS);
        JointMeeting m = entity(meetingId);
        access.community(caller, m.getCommunityId());
        return tasks(meetingId);
    }

    /** A community's meetings, newest first (the Party secretary; others see counts on the board). */
    public List<MeetingView> meetings(String communityCode) {
        Caller caller = access.caller(Right.CONVENE_JOINT_MEETINGS);
        Community community = access.community(caller, communityCode);
        List<JointMeeting> found = em.createQuery("select m from JointMeeting m where m.communityId = :c "
                + "order by m.scheduledAt desc, m.id desc", JointMeeting.class).setParameter("c", community.getId())
                .setMaxResults(200).getResultList();
        List<MeetingView> views = new ArrayList<>();
        for (JointMeeting m : found) {
            views.add(view(m, access.socialCase(m.getCaseId())));
        }
        if (!views.isEmpty()) {
            audit.record(caller, AuditAction.READ_RESTRICTED, community.getId(), RECORD_TYPE, null, PAPERS,
                    "joint meeting papers", "the " + views.size() + " meetings of community " + community.getCode());
        }
        return views;
    }

    /** The open tasks of a community past their deadline, oldest deadline first (for the Party secretary's board). */
    public List<TaskView> overdueTasks(String communityCode) {
        Caller caller = access.caller(Right.CONVENE_JOINT_MEETINGS);
        Community community = access.community(caller, communityCode);
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("select t from MeetingTask t where t.communityId = :c and t.status = :o "
                        + "and t.dueOn < :today order by t.dueOn, t.id", MeetingTask.class)
                .setParameter("c", community.getId()).setParameter("o", TaskStatus.OPEN)
                .setParameter("today", today).setMaxResults(500).getResultStream().map(t -> task(t, today)).toList();
    }

    /** The departments a meeting may invite. */
    public List<JointDepartment> departments() {
        access.caller();
        return em.createQuery("select d from JointDepartment d where d.active = true order by d.sortOrder, d.code",
                JointDepartment.class).getResultList();
    }

    private List<TaskView> tasks(Long meetingId) {
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("select t from MeetingTask t where t.meetingId = :m order by t.dueOn, t.id",
                MeetingTask.class).setParameter("m", meetingId).getResultStream().map(t -> task(t, today)).toList();
    }

    private static TaskView task(MeetingTask t, LocalDate today) {
        return new TaskView(t.getId(), t.getMeetingId(), t.getDepartmentCode(), t.getDescription(), t.getDueOn(),
                t.getStatus().name(), t.isOverdueOn(today), t.getDoneAt(), t.getDoneBy(), t.getDoneNote());
    }

    private MeetingView view(JointMeeting m, SocialCase c) {
        return new MeetingView(m.getId(), m.getCaseId(), c.getTitle(), m.getConvenedBy(), m.getScheduledAt(),
                m.getPlace(), m.getTopic(), List.copyOf(m.departmentCodes()),
                m.shared().stream().map(Enum::name).toList(), m.getAnalysisReport(), m.getAnalysisBy(),
                m.getMonitoringInfo(), m.getMonitoringBy(), m.getStatus().name(), m.getPlanAdoptedAt(),
                m.getClosedAt(), tasks(m.getId()));
    }

    private JointMeeting entity(Long id) {
        JointMeeting m = id == null ? null : em.find(JointMeeting.class, id);
        if (m == null) {
            throw new NotFoundException("jointMeeting", id);
        }
        return m;
    }

    private JointMeeting lock(Long id) {
        JointMeeting m = id == null ? null : em.find(JointMeeting.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw new NotFoundException("jointMeeting", id);
        }
        return m;
    }

    private MeetingTask taskEntity(Long id) {
        MeetingTask t = id == null ? null : em.find(MeetingTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            throw new NotFoundException("task", id);
        }
        return t;
    }
}
