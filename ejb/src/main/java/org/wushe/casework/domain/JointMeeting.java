package org.wushe.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;

/**
 * A joint meeting on a stubborn case, convened by the Party secretary: the departments invited, the
 * social worker's analysis report and the grid worker's monitoring information, the personal data
 * the case needs to share with the departments, and the plan it adopts ({@link MeetingTask}s).
 */
@Entity
@Table(name = "joint_meeting")
public class JointMeeting {

    @Id
    @SequenceGenerator(name = "joint_meeting_seq", sequenceName = "joint_meeting_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "joint_meeting_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "convened_by", nullable = false, length = 50)
    private String convenedBy;

    @Column(name = "convened_at", nullable = false)
    private Instant convenedAt;

    @Column(name = "scheduled_at", nullable = false)
    private Instant scheduledAt;

    @Column(nullable = false, length = 100)
    private String place;

    @Column(nullable = false, length = 200)
    private String topic;

    /** Department codes, comma-separated. */
    @Column(nullable = false, length = 400)
    private String departments;

    /** {@link SharedField} names, comma-separated. */
    @Column(name = "shared_fields", length = 100)
    private String sharedFields;

    @Column(name = "analysis_report", length = 4000)
    private String analysisReport;

    @Column(name = "analysis_by", length = 50)
    private String analysisBy;

    @Column(name = "monitoring_info", length = 4000)
    private String monitoringInfo;

    @Column(name = "monitoring_by", length = 50)
    private String monitoringBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MeetingStatus status;

    @Column(name = "plan_adopted_at")
    private Instant planAdoptedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private int version;

    protected JointMeeting() {
    }

    public JointMeeting(Long communityId, Long caseId, String convenedBy, Instant convenedAt, Instant scheduledAt,
                        String place, String topic, Set<String> departments, Set<SharedField> shared) {
        this.communityId = communityId;
        this.caseId = caseId;
        this.convenedBy = convenedBy;
        this.convenedAt = convenedAt;
        this.scheduledAt = scheduledAt;
        this.place = place;
        this.topic = topic;
        this.departments = String.join(",", departments);
        this.sharedFields = shared.stream().map(Enum::name).collect(Collectors.joining(","));
        this.status = MeetingStatus.CONVENED;
    }

    public void attachAnalysis(String report, String by) {
        requireNotClosed();
        analysisReport = report;
        analysisBy = by;
    }

    public void attachMonitoring(String info, String by) {
        requireNotClosed();
        monitoringInfo = info;
        monitoringBy = by;
    }

    /**
     * The meeting adopts its plan: once, and only with both the analysis report and the monitoring
     * information attached ({@code meeting.papers.missing}).
     */
    public void adoptPlan(Instant at) {
        if (status != MeetingStatus.CONVENED) {
            throw new ConflictException("meeting.plan.adopted", "Plan already adopted",
                    new Label("meeting.status." + status.name()));
        }
        if (analysisReport == null || monitoringInfo == null) {
            throw new ConflictException("meeting.papers.missing", "Analysis report and monitoring information first");
        }
        status = MeetingStatus.PLAN_ADOPTED;
        planAdoptedAt = at;
    }

    /** Every task of the plan is done: the meeting is closed. */
    public void close(Instant at) {
        status = MeetingStatus.CLOSED;
        closedAt = at;
    }

    private void requireNotClosed() {
        if (status == MeetingStatus.CLOSED) {
            throw new ConflictException("meeting.closed", "The meeting is closed");
        }
    }

    public Set<String> departmentCodes() {
        return new LinkedHashSet<>(Arrays.asList(departments.split(",")));
    }

    public Set<SharedField> shared() {
        Set<SharedField> s = EnumSet.noneOf(SharedField.class);
        if (sharedFields != null && !sharedFields.isBlank()) {
            Arrays.stream(sharedFields.split(",")).map(SharedField::valueOf).forEach(s::add);
        }
        return s;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getCaseId() { return caseId; }
    public String getConvenedBy() { return convenedBy; }
    public Instant getConvenedAt() { return convenedAt; }
    public Instant getScheduledAt() { return scheduledAt; }
    public String getPlace() { return place; }
    public String getTopic() { return topic; }
    public String getAnalysisReport() { return analysisReport; }
    public String getAnalysisBy() { return analysisBy; }
    public String getMonitoringInfo() { return monitoringInfo; }
    public String getMonitoringBy() { return monitoringBy; }
    public MeetingStatus getStatus() { return status; }
    public Instant getPlanAdoptedAt() { return planAdoptedAt; }
    public Instant getClosedAt() { return closedAt; }
}
