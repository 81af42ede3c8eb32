package org.wushe.volunteering.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Set;
import org.wushe.shared.ValidationException;

/**
 * A fixed volunteer position of a community (岗位), e.g. elderly visiting, with the social worker
 * who supervises it and the certifications a volunteer needs to take its shifts.
 */
@Entity
@Table(name = "volunteer_position")
public class VolunteerPosition {

    @Id
    @SequenceGenerator(name = "volunteer_position_seq", sequenceName = "volunteer_position_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "volunteer_position_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 100)
    private String name;

    /** The kind of service, which fixes the points per hour ({@code HOUR.<type>} rule). */
    @Column(name = "position_type", nullable = false, length = 30)
    private String type;

    /** The supervising social worker's account id. */
    @Column(name = "supervisor_id", nullable = false)
    private Long supervisorId;

    @Column(length = 500)
    private String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "position_certification", joinColumns = @JoinColumn(name = "position_id"))
    @Column(name = "certification_code", length = 40)
    private Set<String> requiredCertifications = new HashSet<>();

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private int version;

    protected VolunteerPosition() {
    }

    public VolunteerPosition(Long communityId, String name, String type, Long supervisorId, Set<String> required,
                             String description) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (name == null || name.isBlank()) {
            errors.add("name", "position.name.required");
        }
        if (type == null || !type.trim().toUpperCase().matches("[A-Z][A-Z_]{1,29}")) {
            errors.add("type", "position.type.format");
        }
        errors.throwIfAny();
        this.communityId = communityId;
        this.name = name.trim();
        this.type = type.trim().toUpperCase();
        this.supervisorId = supervisorId;
        this.description = description;
        required.forEach(code -> requiredCertifications.add(code.trim().toUpperCase()));
    }

    public Long getId() {
        return id;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public Long getSupervisorId() {
        return supervisorId;
    }

    public String getDescription() {
        return description;
    }

    public Set<String> getRequiredCertifications() {
        return Set.copyOf(requiredCertifications);
    }

    public boolean isActive() {
        return active;
    }
}
