package org.wushe.imports.infrastructure;

import org.wushe.shared.SequenceIds;
import org.wushe.shared.protect.Sealed;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.wushe.imports.domain.ChunkResult;
import org.wushe.imports.domain.LineProblem;
import org.wushe.imports.domain.VolunteerRow;
import org.wushe.volunteering.domain.Certification;

/**
 * Stores a chunk of good volunteer lines: the certification of the registered resident with that ID
 * number, issued by the bureau's registry ({@link Certification.IssuedBy#IMPORT}), one per resident
 * and code: inserted when new, its name and dates updated when the line differs, left alone
 * otherwise. Certifications issued by supervisors or trainings are never touched. Refuses a line
 * whose ID number is no registered resident ({@code import.volunteer.unknownResident}) or names
 * someone else ({@code import.volunteer.nameMismatch}).
 */
public final class VolunteerTable {

    private VolunteerTable() {
    }

    public static ChunkResult upsert(Connection c, String issuedBy, List<VolunteerRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return ChunkResult.NONE;
        }
        Map<String, Object[]> residents = new HashMap<>();
        Set<String> idNumbers = new LinkedHashSet<>();
        rows.forEach(r -> idNumbers.add(r.idNumber()));
        Map<String, String> byHash = new HashMap<>();
        idNumbers.forEach(id -> byHash.put(Sealed.hash(id), id));
        for (List<String> part : Sql.parts(new ArrayList<>(byHash.keySet()))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id_number_hash, id, name FROM resident"
                    + Sql.derbyUses("UQ_RESIDENT_ID_HASH") + " WHERE id_number_hash IN ("
                    + Sql.marks(part.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        residents.put(byHash.get(rs.getString(1)), new Object[]{rs.getLong(2), rs.getString(3)});
                    }
                }
            }
        }
        Map<String, Object[]> certifications = new HashMap<>();
        List<Long> residentIds = residents.values().stream().map(r -> (Long) r[0]).toList();
        for (List<Long> part : Sql.parts(residentIds)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT resident_id, certification_code, id, name, issued_on,"
                    + " expires_on FROM certification WHERE issued_by_kind = 'IMPORT' AND resident_id IN ("
                    + Sql.marks(part.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        certifications.put(rs.getLong(1) + "|" + rs.getString(2), new Object[]{rs.getLong(3),
                                rs.getString(4), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate()});
                    }
                }
            }
        }
        long inserted = 0;
        long updated = 0;
        List<LineProblem> refused = new ArrayList<>();
        try (SequenceIds ids = new SequenceIds(c, "certification_seq");
             PreparedStatement insert = c.prepareStatement("INSERT INTO certification (id, resident_id,"
                     + " certification_code, name, issued_by_kind, issued_by, issued_on, expires_on)"
                     + " VALUES (?, ?, ?, ?, 'IMPORT', ?, ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE certification SET name = ?, issued_by = ?,"
                     + " issued_on = ?, expires_on = ? WHERE id = ?")) {
            for (VolunteerRow r : rows) {
                Object[] resident = residents.get(r.idNumber());
                if (resident == null) {
                    refused.add(new LineProblem(r.line(), "id_number", "import.volunteer.unknownResident"));
                    continue;
                }
                if (!resident[1].equals(r.name())) {
                    refused.add(new LineProblem(r.line(), "name", "import.volunteer.nameMismatch"));
                    continue;
                }
                long residentId = (Long) resident[0];
                Object[] s = certifications.get(residentId + "|" + r.certificationCode());
                if (s == null) {
                    insert.setLong(1, ids.next());
                    insert.setLong(2, residentId);
                    insert.setString(3, r.certificationCode());
                    insert.setString(4, r.certificationName());
                    insert.setString(5, Sql.cut(issuedBy, 50));
                    insert.setDate(6, Date.valueOf(r.issuedOn()));
                    insert.setDate(7, Date.valueOf(r.expiresOn()));
                    insert.addBatch();
                    inserted++;
                } else if (!Objects.equals(s[1], r.certificationName()) || !s[2].equals(r.issuedOn())
                        || !s[3].equals(r.expiresOn())) {
                    update.setString(1, r.certificationName());
                    update.setString(2, Sql.cut(issuedBy, 50));
                    update.setDate(3, Date.valueOf(r.issuedOn()));
                    update.setDate(4, Date.valueOf(r.expiresOn()));
                    update.setLong(5, (Long) s[0]);
                    update.addBatch();
                    updated++;
                }
            }
            if (inserted > 0) {
                insert.executeBatch();
            }
            if (updated > 0) {
                update.executeBatch();
            }
        }
        return new ChunkResult(rows.size(), inserted, updated, rows.size() - inserted - updated - refused.size(),
                refused.size(), refused);
    }
}
