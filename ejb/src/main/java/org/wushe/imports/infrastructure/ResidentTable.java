package org.wushe.imports.infrastructure;

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
 * <p>ID numbers and phones are written encrypted with their keyed hashes ({@link Sealed}); the
 * chunk's residents are found by the hashes of its ID numbers, one query per 500. A line whose ID
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
        try (SequenceIds residentIds = new SequenceIds(c, "resident_seq");
             SequenceIds changeIds = new SequenceIds(c, "resident_change_seq");
             PreparedStatement insert = c.prepareStatement("INSERT INTO resident (id, id_number, id_number_hash, name,"
                     + " gender, birth_date, phone, phone_hash, address, community_id, grid_cell_id, created_at, updated_at,"
                     + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
             PreparedStatement update = c.prepareStatement("UPDATE resident SET name = ?, gender = ?, birth_date = ?,"
                     + " phone = ?, phone_hash = ?, address = ?, community_id = ?, grid_cell_id = ?, updated_at = ?,"
                     + " version = version + 1 WHERE id = ?");
             PreparedStatement dropTags = c.prepareStatement("DELETE FROM resident_tag WHERE resident_id = ?");
             PreparedStatement addTag = c.prepareStatement("INSERT INTO resident_tag (resident_id, tag_code) VALUES (?, ?)");
             PreparedStatement change = c.prepareStatement("INSERT INTO resident_change (id, resident_id, changed_at,"
                     + " changed_by, field_name, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            boolean tagsDropped = false;
            boolean tagsAdded = false;
            boolean updatesAdded = false;
            for (ResidentRow r : rows) {
                StoredResident s = stored.get(r.idNumber());
                if (s == null) {
                    long id = residentIds.next();
                    insert.setLong(1, id);
                    insert.setString(2, Sealed.seal(r.idNumber()));
                    insert.setString(3, hashes.get(r.idNumber()));
                    fill(insert, 4, r);
                    insert.setTimestamp(12, at);
                    insert.setTimestamp(13, at);
                    insert.addBatch();
                    tagsAdded |= addTags(addTag, id, r.tags());
                    addChange(change, changeIds.next(), id, at, changedBy,
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
                    addChange(change, changeIds.next(), s.id(), at, changedBy, fc);
                    if (fc.field().equals("tags")) {
                        dropTags.setLong(1, s.id());
                        dropTags.addBatch();
                        tagsDropped = true;
                        tagsAdded |= addTags(addTag, s.id(), r.tags());
                    }
                }
                updated++;
            }
            if (inserted > 0) {
                insert.executeBatch();
            }
            if (updatesAdded) {
                update.executeBatch();
            }
            if (tagsDropped) {
                dropTags.executeBatch();
            }
            if (tagsAdded) {
                addTag.executeBatch();
            }
            if (inserted > 0 || updatesAdded) {
                change.executeBatch();
            }
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

    private static boolean addTags(PreparedStatement ps, long residentId, Set<ResidentTag> tags) throws SQLException {
        for (ResidentTag t : tags) {
            ps.setLong(1, residentId);
            ps.setString(2, t.name());
            ps.addBatch();
        }
        return !tags.isEmpty();
    }

    private static void addChange(PreparedStatement ps, long id, long residentId, Timestamp at, String by,
                                  Resident.FieldChange fc) throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, residentId);
        ps.setTimestamp(3, at);
        ps.setString(4, Sql.cut(by, 50));
        ps.setString(5, fc.field());
        ps.setString(6, Sql.cut(ResidentChange.stored(fc.field(), fc.oldValue()), 400));
        ps.setString(7, Sql.cut(ResidentChange.stored(fc.field(), fc.newValue()), 400));
        ps.addBatch();
    }

    /**
     * The stored residents of the rows' ID numbers (found by their hashes), with their tags, by clear
     * ID number.
     */
    static Map<String, StoredResident> stored(Connection c, List<ResidentRow> rows, Map<String, String> hashes)
            throws SQLException {
        Map<String, String> byHash = new HashMap<>(hashes.size() * 2);
        hashes.forEach((id, hash) -> byHash.put(hash, id));
        Map<String, StoredResident> found = new HashMap<>();
        Map<Long, Set<ResidentTag>> tags = new HashMap<>();
        for (List<ResidentRow> part : Sql.parts(rows)) {
            List<Long> ids = new ArrayList<>();
            List<Object[]> raw = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.id_number_hash, r.name, r.gender, r.birth_date,"
                    + " r.phone, r.address, g.code, r.community_id FROM resident r" + Sql.derbyUses("UQ_RESIDENT_ID_HASH")
                    + " JOIN grid_cell g ON g.id = r.grid_cell_id"
                    + " WHERE r.id_number_hash IN (" + Sql.marks(part.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, hashes.get(part.get(i).idNumber()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        raw.add(new Object[]{rs.getLong(1), byHash.get(rs.getString(2)), rs.getString(3), rs.getString(4),
                                rs.getDate(5).toLocalDate(), Sealed.open(rs.getString(6)), rs.getString(7),
                                rs.getString(8), rs.getLong(9)});
                    }
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT resident_id, tag_code FROM resident_tag"
                        + Sql.derbyUses("PK_RESIDENT_TAG") + " WHERE resident_id IN (" + Sql.marks(ids.size()) + ")")) {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 1, ids.get(i));
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
