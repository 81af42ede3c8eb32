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

/** An in-service Party member who reported to the community (在职党员报到), with their service commitments. */
@Entity
@Table(name = "party_member")
public class PartyMember {

    @Id
    @SequenceGenerator(name = "party_member_seq", sequenceName = "party_member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "party_member_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "resident_id", nullable = false)
    private Long residentId;

    @Column(name = "work_unit", nullable = false, length = 100)
    private String workUnit;

    @Column(nullable = false, length = 50)
    private String contact;

    @Column(nullable = false, length = 500)
    private String commitments;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    @Version
    private int version;

    protected PartyMember() {
    }

    public PartyMember(Long communityId, Long residentId, String workUnit, String contact, String commitments,
                       Instant now) {
        this.communityId = communityId;
        this.residentId = residentId;
        this.reportedAt = now;
        update(workUnit, contact, commitments);
    }

    /** Updates the report; every field is required. */
    public void update(String workUnit, String contact, String commitments) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (workUnit == null || workUnit.isBlank()) {
            errors.add("workUnit", "party.workUnit.required");
        }
        if (contact == null || contact.isBlank()) {
            errors.add("contact", "party.contact.required");
        }
        if (commitments == null || commitments.isBlank()) {
            errors.add("commitments", "party.commitments.required");
        }
        errors.throwIfAny();
        this.workUnit = workUnit.trim();
        this.contact = contact.trim();
        this.commitments = commitments.trim();
    }

    public Long getId() {
        return id;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public Long getResidentId() {
        return residentId;
    }

    public String getWorkUnit() {
        return workUnit;
    }

    public String getContact() {
        return contact;
    }

    public String getCommitments() {
        return commitments;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }
}
