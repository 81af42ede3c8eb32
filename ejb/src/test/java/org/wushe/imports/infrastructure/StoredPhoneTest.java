package org.wushe.imports.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Gender;
import org.wushe.imports.domain.ResidentRow;
import org.wushe.shared.protect.DataKeys;
import org.wushe.shared.protect.Sealed;

/** The stored phone the import compares a line with: by the keyed hash first, decrypted only when it differs. */
class StoredPhoneTest {

    private DataKeys before;

    static String key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return Base64.getEncoder().encodeToString(k);
    }

    @BeforeEach
    void keys() {
        before = Sealed.keys();
        Sealed.use(DataKeys.parse("active=k1\naes.k1=" + key(1) + "\nhmac=" + key(3)));
    }

    @AfterEach
    void back() {
        Sealed.use(before);
    }

    private static ResidentRow line(String phone) {
        return new ResidentRow(7, "11010519491231002X", "Wang Fang", Gender.FEMALE, LocalDate.of(1949, 12, 31), phone,
                "Road 1", 1, 2, "G1", Set.of());
    }

    @Test
    void samePhone_isTheLinesValue_withoutDecrypting() {
        // An altered ciphertext would fail to open: the equal hash alone decides.
        String sealed = Sealed.seal("13800138000");
        String broken = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertEquals("13800138000", ResidentTable.storedPhone(line("13800138000"), broken, Sealed.hash("13800138000")));
    }

    @Test
    void otherPhone_isDecrypted() {
        String sealed = Sealed.seal("13800138000");
        assertEquals("13800138000", ResidentTable.storedPhone(line("13900139000"), sealed, Sealed.hash("13800138000")));
        assertEquals("13800138000", ResidentTable.storedPhone(line(null), sealed, Sealed.hash("13800138000")));
        assertEquals("13800138000", ResidentTable.storedPhone(line("13800138000"), sealed, null));
    }

    @Test
    void otherPhone_withAlteredValue_fails() {
        String sealed = Sealed.seal("13800138000");
        String broken = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThrows(IllegalStateException.class,
                () -> ResidentTable.storedPhone(line("13900139000"), broken, Sealed.hash("13800138000")));
    }

    @Test
    void noStoredPhone_isNull() {
        assertNull(ResidentTable.storedPhone(line("13800138000"), null, null));
    }
}
