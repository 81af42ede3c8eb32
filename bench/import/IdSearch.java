import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.wushe.community.domain.Masking;

/**
 * A look-up of one resident by ID number as the product makes it, with the masked ID number and
 * phone of the row found (what a screen shows). Before encryption at rest: the clear ID number
 * against the unique index of {@code id_number}.
 */
final class IdSearch {

    private final PreparedStatement ps;

    IdSearch(Connection c) throws SQLException {
        ps = c.prepareStatement("SELECT id, id_number, phone FROM resident WHERE id_number = ?");
    }

    /** The masked ID number and phone of the resident, or null when none has the number. */
    String find(String idNumber) throws SQLException {
        ps.setString(1, idNumber);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Masking.idNumber(rs.getString(2)) + " " + Masking.phone(rs.getString(3)) : null;
        }
    }
}
