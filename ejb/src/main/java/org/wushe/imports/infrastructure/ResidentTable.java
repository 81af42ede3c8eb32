package org.wushe.imports.infrastructure;

import org.wushe.shared.BulkRows;
import org.wushe.shared.SequenceIds;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.community.domain.Resident;
import org.wushe.community.domain.ResidentChange;
import org.wushe.community.domain.ResidentTag;
import org.wushe.imports.domain.ChunkResult;
import org.wushe.imports.domain.LineProblem;
import org.wushe.imports.domain.ResidentRow;
import org.wushe.imports.domain.StoredResident;
import org.wushe.shared.protect.Sealed;

/**
 * Stores a chunk of good resident lines by ID number: reads the stored residents of the chunk in
 * two queries, inserts the new ones, updates only those a line changes, and records each changed
 * field in the residents' change history as made by the import run (a new resident gets one
 * {@code created} entry naming the line). A line that changes nothing writes nothing, so importing
 * the same file again leaves the database as it was.
 *
 * <p>New residents, their tags and the history entries are written with {@link BulkRows} (COPY on
 * PostgreSQL, a batched INSERT on Derby), the updates as a batched UPDATE.
 *
 * <p>ID numbers and phones are written encrypted with their keyed hashes ({@link Sealed}); the
 * chunk's residents are found by the hashes of its ID numbers (one query per chunk on PostgreSQL,
 * per 500 on Derby). A line whose ID
 * number belongs to a resident of another community is refused
 * ({@code import.idNumber.otherCommunity}: a move between communities is a transfer through the
 * bureau), without saying which community.
 */
public final class ResidentTable {

    /** The history's field for a resident the import created; its new value names the line. */
    public static final String CREATED = "created";

    private ResidentTable() {
    }

    /**
     * @param changedBy the author of the changes in the history, e.g. {@code import#150}
     * @return the counts (read is the number of rows) and the lines refused because their resident
     *         lives in another community
     */
    public static ChunkResult upsert(Connection c, String changedBy, List<ResidentRow> rows, Instant now)
            throws SQLException {
        if (rows.isEmpty()) {
            return ChunkResult.NONE;
        }
        Map<String, String> hashes = new HashMap<>(rows.size() * 2);
        for (ResidentRow r : rows) {
            hashes.put(r.idNumber(), Sealed.hash(r.idNumber()));
        }
        Map<String, StoredResident> stored = stored(c, rows, hashes);
        List<LineProblem> refused = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        long inserted = 0;
        long updated = 0;
        // New residents, their tags and every history entry go in one write per table (COPY on
        // PostgreSQL, a batched INSERT elsewhere: BulkRows); the updates of changed residents stay
        // a batched UPDATE. The order of the writes is the order of the keys: residents first.
        BulkRows residents = new BulkRows("resident", "id", "id_number", "id_number_hash", "name", "gender",
                "birth_date", "phone", "phone_hash", "address", "community_id", "grid_cell_id", "created_at",
                "updated_at", "version");
        BulkRows tags = new BulkRows("resident_tag", "resident_id", "tag_code");
        BulkRows history = new BulkRows("resident_change", "id", "resident_id", "changed_at", "changed_by",
                "field_name", "old_value", "new_value");
        String by = Sql.cut(changedBy, 50);
        try (SequenceIds residentIds = new SequenceIds(c, "resident_seq");
             SequenceIds changeIds = new SequenceIds(c, "resident_change_seq");
             PreparedStatement update = c.prepareStatement("UPDATE resident SET name = ?, gender = ?, birth_date = ?,"
                     + " phone = ?, phone_hash = ?, address = ?, community_id = ?, grid_cell_id = ?, updated_at = ?,"
                     + " version = version + 1 WHERE id = ?");
             PreparedStatement dropTags = c.prepareStatement("DELETE FROM resident_tag WHERE resident_id = ?")) {
            boolean tagsDropped = false;
            boolean updatesAdded = false;
            int newOnes = rows.size() - stored.size();
            residentIds.reserve(newOnes);
            changeIds.reserve(newOnes);
            for (ResidentRow r : rows) {
                StoredResident s = stored.get(r.idNumber());
                if (s == null) {
                    long id = residentIds.next();
                    residents.add(id, Sealed.seal(r.idNumber()), hashes.get(r.idNumber()), r.name(), r.gender().code(),
                            r.birthDate(), Sealed.seal(r.phone()), Sealed.hash(r.phone()), r.address(), r.communityId(),
                            r.gridCellId(), at, at, 1);
                    addTags(tags, id, r.tags());
                    addChange(history, changeIds.next(), id, at, by,
                            new Resident.FieldChange(CREATED, null, "line " + r.line()));
                    inserted++;
                    continue;
                }
                if (s.communityId() != r.communityId()) {
                    refused.add(new LineProblem(r.line(), "id_number", "import.idNumber.otherCommunity"));
                    continue;
                }
                List<Resident.FieldChange> changes = s.changes(r);
                if (changes.isEmpty()) {
                    continue;
                }
                fill(update, 1, r);
                update.setTimestamp(9, at);
                update.setLong(10, s.id());
                update.addBatch();
                updatesAdded = true;
                for (Resident.FieldChange fc : changes) {
                    addChange(history, changeIds.next(), s.id(), at, by, fc);
                    if (fc.field().equals("tags")) {
                        dropTags.setLong(1, s.id());
                        dropTags.addBatch();
                        tagsDropped = true;
                        addTags(tags, s.id(), r.tags());
                    }
                }
                updated++;
            }
            residents.write(c);
            if (updatesAdded) {
                update.executeBatch();
            }
            if (tagsDropped) {
                dropTags.executeBatch();
            }
            tags.write(c);
            history.write(c);
        }
        return new ChunkResult(rows.size(), inserted, updated, rows.size() - inserted - updated - refused.size(),
                refused.size(), refused);
    }

    /**
     * name, gender, birth date, phone (encrypted) and its hash, address, community, grid cell from
     * {@code first} on.
     */
    private static void fill(PreparedStatement ps, int first, ResidentRow r) throws SQLException {
        ps.setString(first, r.name());
        ps.setString(first + 1, r.gender().code());
        ps.setDate(first + 2, Date.valueOf(r.birthDate()));
        ps.setString(first + 3, Sealed.seal(r.phone()));
        ps.setString(first + 4, Sealed.hash(r.phone()));
        ps.setString(first + 5, r.address());
        ps.setLong(first + 6, r.communityId());
        ps.setLong(first + 7, r.gridCellId());
    }

    private static void addTags(BulkRows tags, long residentId, Set<ResidentTag> of) {
        for (ResidentTag t : of) {
            tags.add(residentId, t.name());
        }
    }

    private static void addChange(BulkRows history, long id, long residentId, Timestamp at, String by,
                                  Resident.FieldChange fc) {
        history.add(id, residentId, at, by, fc.field(), Sql.cut(ResidentChange.stored(fc.field(), fc.oldValue()), 400),
                Sql.cut(ResidentChange.stored(fc.field(), fc.newValue()), 400));
    }

    /**
     * The clear stored phone of a resident, decrypted only when it differs from the line's: equal
     * keyed hashes mean equal values, so an unchanged phone (every line of a file imported again)
     * costs one HMAC of the line's phone instead of an AES-GCM decryption.
     */
    static String storedPhone(ResidentRow line, String sealedPhone, String phoneHash) {
        if (sealedPhone == null) {
            return null;
        }
        if (line != null && line.phone() != null && phoneHash != null && phoneHash.equals(Sealed.hash(line.phone()))) {
            return line.phone();
        }
        return Sealed.open(sealedPhone);
    }

    /**
     * The stored residents of the rows' ID numbers (found by their hashes), with their tags, by clear
     * ID number. PostgreSQL: the whole chunk in two statements, the keys as one array parameter
     * ({@code = ANY(?)}: one plan whatever the number of keys); Derby: a list of parameters per 500.
     */
    static Map<String, StoredResident> stored(Connection c, List<ResidentRow> rows, Map<String, String> hashes)
            throws SQLException {
        Map<String, String> byHash = new HashMap<>(hashes.size() * 2);
        hashes.forEach((id, hash) -> byHash.put(hash, id));
        Map<String, ResidentRow> byIdNumber = new HashMap<>(rows.size() * 2);
        for (ResidentRow r : rows) {
            byIdNumber.put(r.idNumber(), r);
        }
        Map<String, StoredResident> found = new HashMap<>();
        Map<Long, Set<ResidentTag>> tags = new HashMap<>();
        boolean derby = SequenceIds.isDerby(c);
        for (List<ResidentRow> part : derby ? Sql.parts(rows) : List.of(rows)) {
            List<Long> ids = new ArrayList<>();
            List<Object[]> raw = new ArrayList<>();
            String[] keys = new String[part.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = hashes.get(part.get(i).idNumber());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.id_number_hash, r.name, r.gender, r.birth_date,"
                    + " r.phone, r.address, g.code, r.community_id, r.phone_hash FROM resident r" + Sql.derbyUses("UQ_RESIDENT_ID_HASH")
                    + " JOIN grid_cell g ON g.id = r.grid_cell_id WHERE r.id_number_hash"
                    + (derby ? " IN (" + Sql.marks(keys.length) + ")" : " = ANY(?)"))) {
                if (derby) {
                    for (int i = 0; i < keys.length; i++) {
                        ps.setString(i + 1, keys[i]);
                    }
                } else {
                    ps.setArray(1, c.createArrayOf("varchar", keys));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        String idNumber = byHash.get(rs.getString(2));
                        raw.add(new Object[]{rs.getLong(1), idNumber, rs.getString(3), rs.getString(4),
                                rs.getDate(5).toLocalDate(), storedPhone(byIdNumber.get(idNumber), rs.getString(6),
                                        rs.getString(10)), rs.getString(7), rs.getString(8), rs.getLong(9)});
                    }
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT resident_id, tag_code FROM resident_tag"
                        + Sql.derbyUses("PK_RESIDENT_TAG") + " WHERE resident_id"
                        + (derby ? " IN (" + Sql.marks(ids.size()) + ")" : " = ANY(?)"))) {
                    if (derby) {
                        for (int i = 0; i < ids.size(); i++) {
                            ps.setLong(i + 1, ids.get(i));
                        }
                    } else {
                        ps.setArray(1, c.createArrayOf("int8", ids.toArray()));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            tags.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(ResidentTag.class))
                                    .add(ResidentTag.valueOf(rs.getString(2)));
                        }
                    }
                }
            }
            for (Object[] r : raw) {
                long id = (Long) r[0];
                found.put((String) r[1], new StoredResident(id, (String) r[1], (String) r[2], ((String) r[3]).trim(),
                        (java.time.LocalDate) r[4], (String) r[5], (String) r[6], (String) r[7], (Long) r[8],
                        tags.getOrDefault(id, Set.of())));
            }
        }
        return found;
    }
}
