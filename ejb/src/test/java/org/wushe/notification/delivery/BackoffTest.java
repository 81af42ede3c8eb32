package org.wushe.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waits_double_fromThirtySeconds_upToAnHour() {
        assertEquals(Duration.ofSeconds(30), DeliveryClaims.backoff(0));
        assertEquals(Duration.ofSeconds(30), DeliveryClaims.backoff(1));
        assertEquals(Duration.ofSeconds(60), DeliveryClaims.backoff(2));
        assertEquals(Duration.ofSeconds(120), DeliveryClaims.backoff(3));
        assertEquals(Duration.ofSeconds(1920), DeliveryClaims.backoff(7));
        assertEquals(Duration.ofHours(1), DeliveryClaims.backoff(8));
        assertEquals(Duration.ofHours(1), DeliveryClaims.backoff(500));
    }
}
