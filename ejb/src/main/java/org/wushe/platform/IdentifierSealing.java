package org.wushe.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.wushe.shared.protect.Sealed;

/**
 * The start-up step after the migrations that brings residents' identifiers stored in clear (rows
 * written before schema version 22) to their encrypted form, and re-encrypts values under an old
 * key with the active one (the rotation, docs/security.md): residents whose ID hash is missing or
 * whose values carry another key id, and the ID number and phone values of the change history.
 * A thousand rows a transaction; nothing to do costs one query per table. Idempotent.
 */
public final class IdentifierSealing {

    private static final int BATCH = 1000;

    private IdentifierSealing() {
    }

    /** @return how many residents and history entries were (re-)encrypted */
    public static long run(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            return residents(c) + history(c);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static long residents(Connection c) throws SQLException {
        String active = Sealed.keys().activeId() + ":";
        long done = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, id_number, phone FROM resident WHERE id > ?"
                    + " AND (id_number_hash IS NULL OR id_number NOT LIKE ?) ORDER BY id FETCH FIRST " + BATCH
                    + " ROWS ONLY")) {
                ps.setLong(1, after);
                ps.setString(2, active + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            if (rows.isEmpty()) {
                return done;
            }
            try (PreparedStatement up = c.prepareStatement("UPDATE resident SET id_number = ?, id_number_hash = ?,"
                    + " phone = ?, phone_hash = ? WHERE id = ?")) {
                for (Object[] r : rows) {
                    String id = clear((String) r[1]);
                    String phone = clear((String) r[2]);
                    up.setString(1, Sealed.seal(id));
                    up.setString(2, Sealed.hash(id));
                    up.setString(3, Sealed.seal(phone));
                    up.setString(4, Sealed.hash(phone));
                    up.setLong(5, (Long) r[0]);
                    up.addBatch();
                    after = (Long) r[0];
                }
                up.executeBatch();
            }
            c.commit();
            done += rows.size();
        }
    }

    private static long history(Connection c) throws SQLException {
        String active = Sealed.keys().activeId() + ":";
        long done = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, old_value, new_value FROM resident_change"
                    + " WHERE id > ? AND field_name IN ('idNumber', 'phone')"
                    + " AND ((old_value IS NOT NULL AND old_value NOT LIKE ?) OR (new_value IS NOT NULL AND new_value NOT LIKE ?))"
                    + " ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY")) {
                ps.setLong(1, after);
                ps.setString(2, active + "%");
                ps.setString(3, active + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            if (rows.isEmpty()) {
                return done;
            }
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE resident_change SET old_value = ?, new_value = ? WHERE id = ?")) {
                for (Object[] r : rows) {
                    up.setString(1, Sealed.seal(clear((String) r[1])));
                    up.setString(2, Sealed.seal(clear((String) r[2])));
                    up.setLong(3, (Long) r[0]);
                    up.addBatch();
                    after = (Long) r[0];
                }
                up.executeBatch();
            }
            c.commit();
            done += rows.size();
        }
    }

    /** A stored value in clear: decrypted when sealed (any known key id), else as it is. */
    private static String clear(String stored) {
        return Sealed.isSealed(stored) ? Sealed.open(stored) : stored;
    }
}
