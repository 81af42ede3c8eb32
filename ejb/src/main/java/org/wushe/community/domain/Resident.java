package org.wushe.community.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.wushe.shared.protect.Sealed;
import org.wushe.shared.protect.SealedConverter;

/**
 * A resident of a community. The ID number is unique in the city; gender and birth date always
 * agree with it. Changes go through {@link #apply}, which returns what changed so the service can
 * keep the change history. The ID number and the phone are stored encrypted ({@link Sealed}), each
 * with its keyed hash beside it for exact look-up; the hash of the ID number is unique in the city.
 */
@Entity
@Table(name = "resident")
public class Resident {

    @Id
    @SequenceGenerator(name = "resident_seq", sequenceName = "resident_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resident_seq")
    private Long id;

    @Convert(converter = SealedConverter.class)
    @Column(name = "id_number", nullable = false, length = 120)
    private String idNumber;

    @Column(name = "id_number_hash", length = 64)
    private String idNumberHash;

    @Column(nullable = false, length = 50)
    private String name;

    @Column(name = "gender", nullable = false, length = 1)
    private String genderCode;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Convert(converter = SealedConverter.class)
    @Column(length = 120)
    private String phone;

    @Column(name = "phone_hash", length = 64)
    private String phoneHash;

    @Column(length = 200)
    private String address;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id", nullable = false)
    private Community community;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "grid_cell_id", nullable = false)
    private GridCell gridCell;

    // Lazy: a page or an export of residents reads the tags of all its rows in one statement
    // (ResidentService.tagsOf); eager, they were read again one statement per resident as each
    // row was built (five statements a request in the 200-session load run).
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "resident_tag", joinColumns = @JoinColumn(name = "resident_id"))
    @Column(name = "tag_code", length = 30)
    @Enumerated(EnumType.STRING)
    private Set<ResidentTag> tags = EnumSet.noneOf(ResidentTag.class);

    /** The household (户) the resident belongs to; residents of one household share the code. */
    @Column(name = "household_code", length = 30)
    private String householdCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Resident() {
    }

    /** A new resident from checked data (see {@link ResidentRules#check}). */
    public Resident(IdNumber id, ResidentData d, GridCell grid, Instant now) {
        this.idNumber = id.value();
        this.idNumberHash = Sealed.hash(idNumber);
        this.gridCell = grid;
        this.community = grid.getCommunity();
        this.name = d.name().trim();
        this.genderCode = id.gender().code();
        this.birthDate = id.birthDate();
        this.phone = blankToNull(d.phone());
        this.phoneHash = Sealed.hash(phone);
        this.address = blankToNull(d.address());
        this.tags = d.tags().isEmpty() ? EnumSet.noneOf(ResidentTag.class) : EnumSet.copyOf(d.tags());
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** One changed field: its name and the old and new values as stored (unmasked). */
    public record FieldChange(String field, String oldValue, String newValue) {
    }

    /**
     * Applies checked data and returns the fields that changed (empty when nothing did). The
     * community follows the grid cell.
     */
    public List<FieldChange> apply(IdNumber id, ResidentData d, GridCell grid, Instant now) {
        List<FieldChange> changes = new ArrayList<>();
        idNumber = track(changes, "idNumber", idNumber, id.value());
        name = track(changes, "name", name, d.name().trim());
        genderCode = track(changes, "gender", genderCode, id.gender().code());
        String birth = track(changes, "birthDate", birthDate.toString(), id.birthDate().toString());
        birthDate = LocalDate.parse(birth);
        phone = track(changes, "phone", phone, blankToNull(d.phone()));
        idNumberHash = Sealed.hash(idNumber);
        phoneHash = Sealed.hash(phone);
        address = track(changes, "address", address, blankToNull(d.address()));
        if (!grid.getCode().equals(gridCell.getCode())) {
            changes.add(new FieldChange("gridCode", gridCell.getCode(), grid.getCode()));
            gridCell = grid;
            community = grid.getCommunity();
        }
        String oldTags = tagText(tags);
        String newTags = tagText(d.tags());
        if (!oldTags.equals(newTags)) {
            changes.add(new FieldChange("tags", oldTags, newTags));
            tags = d.tags().isEmpty() ? EnumSet.noneOf(ResidentTag.class) : EnumSet.copyOf(d.tags());
        }
        if (!changes.isEmpty()) {
            updatedAt = now;
        }
        return changes;
    }

    /** Moves the resident into a household (or out of any, with null); returns the change, if any. */
    public List<FieldChange> joinHousehold(String code, Instant now) {
        String c = blankToNull(code);
        if (Objects.equals(c, householdCode)) {
            return List.of();
        }
        FieldChange change = new FieldChange("householdCode", householdCode, c);
        householdCode = c;
        updatedAt = now;
        return List.of(change);
    }

    /**
     * Adds and removes tags from what was learnt in the field (e.g. on a grid worker's patrol);
     * returns the change of the tags, if any, for the change history.
     */
    public List<FieldChange> retag(ResidentTag add, ResidentTag remove, Instant now) {
        Set<ResidentTag> next = tags.isEmpty() ? EnumSet.noneOf(ResidentTag.class) : EnumSet.copyOf(tags);
        if (add != null) {
            next.add(add);
        }
        if (remove != null) {
            next.remove(remove);
        }
        String oldTags = tagText(tags);
        String newTags = tagText(next);
        if (oldTags.equals(newTags)) {
            return List.of();
        }
        tags = next;
        updatedAt = now;
        return List.of(new FieldChange("tags", oldTags, newTags));
    }

    /** Whether both residents belong to the same (known) household. */
    public boolean sameHouseholdAs(Resident other) {
        return householdCode != null && householdCode.equals(other.householdCode);
    }

    private static String track(List<FieldChange> changes, String field, String oldValue, String newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            changes.add(new FieldChange(field, oldValue, newValue));
        }
        return newValue;
    }

    private static String tagText(Set<ResidentTag> tags) {
        Set<String> names = new TreeSet<>();
        tags.forEach(t -> names.add(t.name()));
        return String.join(";", names);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() {
        return id;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public String getName() {
        return name;
    }

    public Gender getGender() {
        return Gender.ofCode(genderCode);
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public Community getCommunity() {
        return community;
    }

    public GridCell getGridCell() {
        return gridCell;
    }

    public Set<ResidentTag> getTags() {
        return tags.isEmpty() ? Set.of() : EnumSet.copyOf(tags);
    }

    public String getHouseholdCode() {
        return householdCode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getVersion() {
        return version;
    }
}
