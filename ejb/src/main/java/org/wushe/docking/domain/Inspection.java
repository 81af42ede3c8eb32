package org.wushe.docking.domain;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;

/** An inspection or check the community received, with the staff time and materials it cost. */
@Entity
@Table(name = "inspection")
public class Inspection {

    @Id
    @SequenceGenerator(name = "inspection_seq", sequenceName = "inspection_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inspection_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "inspected_on", nullable = false)
    private LocalDate inspectedOn;

    @Column(name = "inspecting_body", nullable = false, length = 100)
    private String inspectingBody;

    @Column(nullable = false, length = 500)
    private String purpose;

    @Column(name = "staff_hours", nullable = false, precision = 7, scale = 1)
    private BigDecimal staffHours;

    @Column(length = 1000)
    private String materials;

    @Column(name = "material_count", nullable = false)
    private int materialCount;

    @Column(name = "recorded_by", nullable = false, length = 50)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Inspection() {
    }

    public Inspection(Long communityId, LocalDate inspectedOn, String inspectingBody, String purpose,
                      BigDecimal staffHours, String materials, int materialCount, String recordedBy, Instant recordedAt) {
        this.communityId = communityId;
        this.inspectedOn = inspectedOn;
        this.inspectingBody = inspectingBody;
        this.purpose = purpose;
        this.staffHours = staffHours;
        this.materials = materials;
        this.materialCount = materialCount;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public LocalDate getInspectedOn() { return inspectedOn; }
    public String getInspectingBody() { return inspectingBody; }
    public String getPurpose() { return purpose; }
    public BigDecimal getStaffHours() { return staffHours; }
    public String getMaterials() { return materials; }
    public int getMaterialCount() { return materialCount; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
