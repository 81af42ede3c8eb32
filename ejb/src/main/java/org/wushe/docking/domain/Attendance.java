package org.wushe.docking.domain;

import jakarta.persistence.*;

/** Who took part in an activity: a resident or an actor of the circle. */
@Entity
@Table(name = "activity_attendance")
public class Attendance {

    @Id
    @SequenceGenerator(name = "activity_attendance_seq", sequenceName = "activity_attendance_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_attendance_seq")
    private Long id;

    @Column(name = "activity_id", nullable = false)
    private Long activityId;

    @Column(name = "resident_id")
    private Long residentId;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "attendee_name", nullable = false, length = 100)
    private String attendeeName;

    protected Attendance() {
    }

    public Attendance(Long activityId, Long residentId, Long actorId, String attendeeName) {
        this.activityId = activityId;
        this.residentId = residentId;
        this.actorId = actorId;
        this.attendeeName = attendeeName;
    }

    public Long getId() { return id; }
    public Long getActivityId() { return activityId; }
    public Long getResidentId() { return residentId; }
    public Long getActorId() { return actorId; }
    public String getAttendeeName() { return attendeeName; }
}
