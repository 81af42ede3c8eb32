package org.wushe.docking.domain;

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

/**
 * A resource of the five-sphere ledger: what it is, who provides it, how much of it there is and
 * when. Capacity is reserved by docking actions and released when they end; {@link #reserve}
 * refuses overbooking (and the database's check constraint would too).
 */
@Entity
@Table(name = "resource")
public class Resource {

    @Id
    @SequenceGenerator(name = "resource_seq", sequenceName = "resource_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resource_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(name = "grid_cell_id")
    private Long gridCellId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Sphere sphere;

    @Enumerated(EnumType.STRING)
    @Column(name = "resource_type", nullable = false, length = 10)
    private ResourceType type;

    @Column(name = "category_code", length = 30)
    private String categoryCode;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(name = "provider_actor_id")
    private Long providerActorId;

    @Column(name = "provider_resident_id")
    private Long providerResidentId;

    @Column(name = "provider_name", nullable = false, length = 100)
    private String providerName;

    /** The provider as one key (actor, resident or named provider), so its load is counted across resources. */
    @Column(name = "provider_key", nullable = false, length = 60)
    private String providerKey;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private int reserved;

    @Column(length = 20)
    private String unit;

    @Column(name = "available_from", nullable = false)
    private LocalDate availableFrom;

    @Column(name = "available_until")
    private LocalDate availableUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ResourceStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Resource() {
    }

    public Resource(Long communityId, Long gridCellId, Sphere sphere, ResourceType type, String categoryCode,
                    String name, String description, Long providerActorId, Long providerResidentId,
                    String providerName, int capacity, String unit, LocalDate availableFrom,
                    LocalDate availableUntil, Instant createdAt) {
        this.communityId = communityId;
        this.gridCellId = gridCellId;
        this.sphere = sphere;
        this.type = type;
        this.categoryCode = categoryCode;
        this.name = name;
        this.description = description;
        this.providerActorId = providerActorId;
        this.providerResidentId = providerResidentId;
        this.providerName = providerName;
        this.providerKey = providerActorId != null ? "A:" + providerActorId
                : providerResidentId != null ? "R:" + providerResidentId
                : "N:" + communityId + ":" + (providerName.length() > 40 ? providerName.substring(0, 40) : providerName);
        this.capacity = capacity;
        this.unit = unit;
        this.availableFrom = availableFrom;
        this.availableUntil = availableUntil;
        this.status = ResourceStatus.AVAILABLE;
        this.createdAt = createdAt;
    }

    /** @throws ConflictException {@code resource.overbooked} with what is left, or {@code resource.unavailable} */
    public void reserve(int quantity, LocalDate today) {
        if (!availableOn(today)) {
            throw new ConflictException("resource.unavailable", "Resource " + id + " is not available", name);
        }
        if (reserved + quantity > capacity) {
            throw new ConflictException("resource.overbooked", "Resource " + id + " has " + remaining() + " left",
                    name, remaining(), quantity);
        }
        reserved += quantity;
    }

    public void release(int quantity) {
        reserved = Math.max(0, reserved - quantity);
    }

    public boolean availableOn(LocalDate day) {
        return status == ResourceStatus.AVAILABLE && !day.isBefore(availableFrom)
                && (availableUntil == null || !day.isAfter(availableUntil));
    }

    public int remaining() {
        return capacity - reserved;
    }

    /** Changes capacity and status; capacity may not fall below what is already reserved. */
    public void update(int capacity, LocalDate availableUntil, ResourceStatus status) {
        if (capacity < reserved) {
            throw new ConflictException("resource.capacityBelowReserved", "Capacity below reserved", reserved);
        }
        this.capacity = capacity;
        this.availableUntil = availableUntil;
        this.status = status;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getGridCellId() { return gridCellId; }
    public Sphere getSphere() { return sphere; }
    public ResourceType getType() { return type; }
    public String getCategoryCode() { return categoryCode; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public Long getProviderActorId() { return providerActorId; }
    public Long getProviderResidentId() { return providerResidentId; }
    public String getProviderName() { return providerName; }
    public String getProviderKey() { return providerKey; }
    public int getCapacity() { return capacity; }
    public int getReserved() { return reserved; }
    public String getUnit() { return unit; }
    public LocalDate getAvailableFrom() { return availableFrom; }
    public LocalDate getAvailableUntil() { return availableUntil; }
    public ResourceStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public int getVersion() { return version; }
}
