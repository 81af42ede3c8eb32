package org.wushe.imports.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.wushe.community.domain.Resident;
import org.wushe.community.domain.ResidentTag;

/**
 * A resident as stored, read in bulk by the import's writer, and what a line of the file would
 * change in it. The fields and their names are those {@link Resident#apply} records in the change
 * history, so an import's changes read like a form's.
 */
public record StoredResident(long id, String idNumber, String name, String genderCode, LocalDate birthDate,
                             String phone, String address, String gridCode, long communityId,
                             Set<ResidentTag> tags) {

    /** The changed fields, in the order {@link Resident#apply} lists them; empty when the line changes nothing. */
    public List<Resident.FieldChange> changes(ResidentRow row) {
        List<Resident.FieldChange> changes = new ArrayList<>(0);
        track(changes, "name", name, row.name());
        track(changes, "gender", genderCode, row.gender().code());
        if (!birthDate.equals(row.birthDate())) {
            changes.add(new Resident.FieldChange("birthDate", birthDate.toString(), row.birthDate().toString()));
        }
        track(changes, "phone", phone, row.phone());
        track(changes, "address", address, row.address());
        track(changes, "gridCode", gridCode, row.gridCode());
        if (!tags.equals(row.tags())) {
            track(changes, "tags", tagText(tags), tagText(row.tags()));
        }
        return changes;
    }

    private static void track(List<Resident.FieldChange> changes, String field, String oldValue, String newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            changes.add(new Resident.FieldChange(field, oldValue, newValue));
        }
    }

    /** Tags as the history writes them: codes sorted, separated by {@code ;}. */
    public static String tagText(Set<ResidentTag> tags) {
        Set<String> names = new TreeSet<>();
        tags.forEach(t -> names.add(t.name()));
        return String.join(";", names);
    }
}
