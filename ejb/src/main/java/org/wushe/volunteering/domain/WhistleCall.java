package org.wushe.volunteering.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.wushe.shared.ValidationException;

/**
 * "The community blows the whistle" (社区吹哨): a call for help posted by the Party secretary, what
 * is needed, when and how many members; linked to a need where there is one.
 */
@Entity
@Table(name = "whistle_call")
public class WhistleCall {

    @Id
    @SequenceGenerator(name = "whistle_call_seq", sequenceName = "whistle_call_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "whistle_call_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false)
    private int needed;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "need_id")
    private Long needId;

    @Column(name = "posted_by", nullable = false, length = 50)
    private String postedBy;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    @Version
    private int version;

    protected WhistleCall() {
    }

    public WhistleCall(Long communityId, String title, int needed, Instant startsAt, Instant endsAt, Long needId,
                       String postedBy, Instant now) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (title == null || title.isBlank()) {
            errors.add("title", "whistle.title.required");
        }
        if (needed < 1) {
            errors.add("needed", "whistle.needed.positive");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            errors.add("endsAt", "shift.endBeforeStart");
        }
        errors.throwIfAny();
        this.communityId = communityId;
        this.title = title.trim();
        this.needed = needed;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.needId = needId;
        this.postedBy = postedBy;
        this.postedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public String getTitle() {
        return title;
    }

    public int getNeeded() {
        return needed;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public Long getNeedId() {
        return needId;
    }

    public String getPostedBy() {
        return postedBy;
    }
}
