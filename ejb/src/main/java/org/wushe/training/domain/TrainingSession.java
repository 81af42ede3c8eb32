package org.wushe.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One run of a course: when, where, who trains, how many places. */
@Entity
@Table(name = "training_session")
public class TrainingSession {

    @Id
    @SequenceGenerator(name = "training_session_seq", sequenceName = "training_session_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "training_session_seq")
    private Long id;

    @Column(name = "course_id", nullable = false)
    private Long courseId;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false, length = 100)
    private String place;

    @Column(nullable = false, length = 50)
    private String trainer;

    @Column(nullable = false)
    private int places;

    @Version
    private int version;

    protected TrainingSession() {
    }

    public TrainingSession(Course course, Instant startsAt, Instant endsAt, String place, String trainer, int places) {
        this.courseId = course.getId();
        this.communityId = course.getCommunityId();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.trainer = trainer;
        this.places = places;
    }

    public Long getId() { return id; }
    public Long getCourseId() { return courseId; }
    public Long getCommunityId() { return communityId; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public String getPlace() { return place; }
    public String getTrainer() { return trainer; }
    public int getPlaces() { return places; }
}
