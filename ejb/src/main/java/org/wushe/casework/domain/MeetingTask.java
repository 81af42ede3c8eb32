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
import java.time.LocalDate;
import org.wushe.shared.ConflictException;

/** A task of a joint handling plan: the owning department, what to do, by when, and whether it is done. */
@Entity
@Table(name = "meeting_task")
public class MeetingTask {

    @Id
    @SequenceGenerator(name = "meeting_task_seq", sequenceName = "meeting_task_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meeting_task_seq")
    private Long id;

    @Column(name = "meeting_id", nullable = false)
    private Long meetingId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "department_code", nullable = false, length = 30)
    private String departmentCode;

    @Column(nullable = false, length = 1000)
    private String description;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TaskStatus status;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by", length = 50)
    private String doneBy;

    @Column(name = "done_note", length = 1000)
    private String doneNote;

    @Version
    private int version;

    protected MeetingTask() {
    }

    public MeetingTask(Long meetingId, Long communityId, String departmentCode, String description, LocalDate dueOn) {
        this.meetingId = meetingId;
        this.communityId = communityId;
        this.departmentCode = departmentCode;
        this.description = description;
        this.dueOn = dueOn;
        this.status = TaskStatus.OPEN;
    }

    /** Marks the task done ({@code meeting.task.done} when it already is). */
    public void complete(String by, String note, Instant at) {
        if (status == TaskStatus.DONE) {
            throw new ConflictException("meeting.task.done", "Task already done");
        }
        status = TaskStatus.DONE;
        doneBy = by;
        doneNote = note;
        doneAt = at;
    }

    public boolean isOverdueOn(LocalDate today) {
        return status == TaskStatus.OPEN && dueOn.isBefore(today);
    }

    public Long getId() { return id; }
    public Long getMeetingId() { return meetingId; }
    public Long getCommunityId() { return communityId; }
    public String getDepartmentCode() { return departmentCode; }
    public String getDescription() { return description; }
    public LocalDate getDueOn() { return dueOn; }
    public TaskStatus getStatus() { return status; }
    public Instant getDoneAt() { return doneAt; }
    public String getDoneBy() { return doneBy; }
    public String getDoneNote() { return doneNote; }
}
