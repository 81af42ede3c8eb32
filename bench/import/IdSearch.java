import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.wushe.community.domain.Masking;
import org.wushe.shared.protect.Sealed;

/**
 * A look-up of one resident by ID number as the product makes it, with the masked ID number and
 * phone of the row found (what a screen shows): the keyed hash of the number against the unique
 * index of {@code id_number_hash}, then the row's encrypted ID number and phone decrypted for the
 * masks. (Before encryption at rest, schema 21 and older: the clear number against the unique
 * index of {@code id_number}, and no decryption.)
 */
final class IdSearch {

    private final PreparedStatement ps;

    IdSearch(Connection c) throws SQLException {
        ps = c.prepareStatement("SELECT id, id_number, phone FROM resident WHERE id_number_hash = ?");
    }

    /** The masked ID number and phone of the resident, or null when none has the number. */
    String find(String idNumber) throws SQLException {
        ps.setString(1, Sealed.hash(idNumber));
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Masking.idNumber(Sealed.open(rs.getString(2))) + " " + Masking.phone(Sealed.open(rs.getString(3)))
                    : null;
        }
    }
}
