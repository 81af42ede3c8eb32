package org.wushe.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wushe.audit.application.AuditArchive;

class AuditRetentionTest {

    @Test
    void threeYearsAndSixMonths_areAccepted() {
        assertEquals(1095, AuditArchive.retentionDays("1095"));
        assertEquals(183, AuditArchive.retentionDays(" 183 "));
    }

    @Test
    void lessThanSixMonths_orNoNumber_isRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AuditArchive.retentionDays("182"));
        assertEquals("wushe.audit.retentionDays must be a whole number of days, at least 183 (six months), not '182'",
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> AuditArchive.retentionDays("three years"));
        assertThrows(IllegalStateException.class, () -> AuditArchive.retentionDays("-5"));
    }
}
