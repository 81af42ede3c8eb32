package org.wushe.docking.domain;

import jakarta.persistence.*;
import java.time.Instant;

/** A resident's vote on how effective a listed service was (1 to 5); one per resident and service. */
@Entity
@Table(name = "service_vote")
public class ServiceVote {

    @Id
    @SequenceGenerator(name = "service_vote_seq", sequenceName = "service_vote_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_vote_seq")
    private Long id;

    @Column(name = "service_id", nullable = false)
    private Long serviceId;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(nullable = false)
    private int score;

    @Column(name = "comment_text", length = 500)
    private String comment;

    @Column(name = "voted_at", nullable = false)
    private Instant votedAt;

    protected ServiceVote() {
    }

    public ServiceVote(Long serviceId, Long residentId, int score, String comment, Instant votedAt) {
        this.serviceId = serviceId;
        this.residentId = residentId;
        this.score = score;
        this.comment = comment;
        this.votedAt = votedAt;
    }

    public Long getId() { return id; }
    public Long getServiceId() { return serviceId; }
    public Long getResidentId() { return residentId; }
    public int getScore() { return score; }
    public String getComment() { return comment; }
    public Instant getVotedAt() { return votedAt; }
}
