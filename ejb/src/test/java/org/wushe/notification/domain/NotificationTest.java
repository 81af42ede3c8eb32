package org.wushe.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Instant AT = Instant.parse("2026-12-06T02:00:00Z");

    @Test
    void arguments_keepTheirOrder_emptyOnes_andLoseTheSeparatorInsideThem() {
        Notification n = new Notification(1L, 2L, NotificationKind.HOURS_REJECTED, "hours", 3L, "/volunteering/my.xhtml",
                AT, "2026-12-05", 120, null, "a\u001Fb");
        assertEquals(List.of("2026-12-05", "120", "", "a b"), n.argumentList());
        assertEquals("notification.kind.HOURS_REJECTED", n.getMessageKey());
        assertTrue(new Notification(1L, 2L, NotificationKind.PROPOSAL_VETOED, "proposal", 3L, "/x", AT)
                .argumentList().isEmpty());
    }

    @Test
    void longArguments_areCutToTheColumn() {
        String joined = Notification.join("x".repeat(3000));
        assertEquals(Notification.ARGUMENTS_LENGTH, joined.length());
        assertTrue(joined.endsWith("…"));
    }

    @Test
    void readTime_isSetOnce() {
        Notification n = new Notification(1L, null, NotificationKind.REFERRAL_ASSIGNED, "referral", 3L, "/x", AT, 3L);
        assertNull(n.getReadAt());
        n.markRead(AT.plusSeconds(60));
        n.markRead(AT.plusSeconds(120));
        assertEquals(AT.plusSeconds(60), n.getReadAt());
    }
}
