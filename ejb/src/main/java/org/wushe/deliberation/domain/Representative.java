package org.wushe.deliberation.domain;

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

/** A resident representative of a community for one term (first and last day). */
@Entity
@Table(name = "delib_representative")
public class Representative {

    @Id
    @SequenceGenerator(name = "delib_representative_seq", sequenceName = "delib_representative_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delib_representative_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(nullable = false, length = 50)
    private String name;

    @Column(name = "term_start", nullable = false)
    private LocalDate termStart;

    @Column(name = "term_end", nullable = false)
    private LocalDate termEnd;

    @Column(name = "appointed_by", nullable = false, length = 50)
    private String appointedBy;

    @Column(name = "appointed_at", nullable = false)
    private Instant appointedAt;

    @Version
    private int version;

    protected Representative() {
    }

    public Representative(Long communityId, Long residentId, String name, LocalDate termStart, LocalDate termEnd,
                          String by, Instant at) {
        this.communityId = communityId;
        this.residentId = residentId;
        this.name = name;
        this.termStart = termStart;
        this.termEnd = termEnd;
        this.appointedBy = by;
        this.appointedAt = at;
    }

    /** Whether the term covers the day. */
    public boolean isCurrent(LocalDate day) {
        return !day.isBefore(termStart) && !day.isAfter(termEnd);
    }

    /** Ends the term early (resignation, moving away): the last day becomes {@code lastDay}. */
    public void endTerm(LocalDate lastDay) {
        if (lastDay.isBefore(termStart)) {
            throw org.wushe.shared.ValidationException.of("termEnd", "deliberation.term.order");
        }
        this.termEnd = lastDay;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getResidentId() { return residentId; }
    public String getName() { return name; }
    public LocalDate getTermStart() { return termStart; }
    public LocalDate getTermEnd() { return termEnd; }
}
