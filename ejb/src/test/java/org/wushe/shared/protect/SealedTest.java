package org.wushe.shared.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SealedTest {

    static final String OLD = key(1);
    static final String NEW = key(2);
    static final String HMAC = key(3);

    static String key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return Base64.getEncoder().encodeToString(k);
    }

    @AfterEach
    void back() {
        Sealed.use(DataKeys.fromSystem());
    }

    @Test
    void seal_isRandomPerValue_keyIdInFront_andOpensAgain() {
        Sealed.use(DataKeys.parse("active=k1\naes.k1=" + OLD + "\nhmac=" + HMAC));
        String a = Sealed.seal("11010519491231002X");
        String b = Sealed.seal("11010519491231002X");
        assertNotEquals(a, b, "a random IV per value");
        assertTrue(a.startsWith("k1:"), a);
        assertFalse(a.contains("19491231"), a);
        assertEquals("11010519491231002X", Sealed.open(a));
        assertTrue(Sealed.isSealed(a));
        assertFalse(Sealed.isSealed("13812345678"));
        assertNull(Sealed.seal(null));
    }

    @Test
    void afterARotation_oldValuesOpenByTheirKeyId_newOnesUseTheActiveKey() {
        Sealed.use(DataKeys.parse("active=k1\naes.k1=" + OLD + "\nhmac=" + HMAC));
        String old = Sealed.seal("13812345678");
        String hash = Sealed.hash("13812345678");
        Sealed.use(DataKeys.parse("active=k2\naes.k1=" + OLD + "\naes.k2=" + NEW + "\nhmac=" + HMAC));
        assertEquals("13812345678", Sealed.open(old));
        assertTrue(Sealed.seal("13812345678").startsWith("k2:"));
        assertEquals(hash, Sealed.hash("13812345678"), "the look-up hash does not depend on the AES key");
        Sealed.use(DataKeys.parse("active=k2\naes.k2=" + NEW + "\nhmac=" + HMAC));
        assertThrows(IllegalStateException.class, () -> Sealed.open(old), "the old key removed too early");
    }

    @Test
    void anAlteredValue_doesNotOpen() {
        Sealed.use(DataKeys.parse("active=k1\naes.k1=" + OLD + "\nhmac=" + HMAC));
        String s = Sealed.seal("13812345678");
        char last = s.charAt(s.length() - 1);
        String altered = s.substring(0, s.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThrows(IllegalStateException.class, () -> Sealed.open(altered));
    }

    @Test
    void hash_isKeyed_andStable() {
        Sealed.use(DataKeys.parse("active=k1\naes.k1=" + OLD + "\nhmac=" + HMAC));
        String h = Sealed.hash("11010519491231002X");
        assertEquals(h, Sealed.hash("11010519491231002X"));
        assertEquals(43, h.length());
        Sealed.use(DataKeys.parse("active=k1\naes.k1=" + OLD + "\nhmac=" + NEW));
        assertNotEquals(h, Sealed.hash("11010519491231002X"), "another HMAC key, another hash");
    }

    @Test
    void badKeys_areRefusedWithAReason() {
        assertThrows(IllegalStateException.class, () -> DataKeys.parse("active=k9\naes.k1=" + OLD + "\nhmac=" + HMAC));
        assertThrows(IllegalStateException.class, () -> DataKeys.parse("active=k1\naes.k1=c2hvcnQ=\nhmac=" + HMAC));
        assertThrows(IllegalStateException.class, () -> DataKeys.parse("active=k1\naes.k1=" + OLD));
    }
}
