package org.wushe.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> PROXY = Set.of("10.0.0.5");

    @Test
    void withoutTrustedProxies_forwardedForIsIgnored() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("10.1.2.3"), Set.of()));
    }

    @Test
    void fromAnUntrustedAddress_forwardedForIsIgnored() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("10.1.2.3"), PROXY));
    }

    @Test
    void fromATrustedProxy_theNearestHopThatIsNoProxy_isTheClient() {
        assertEquals("198.51.100.7", ClientAddress.resolve("10.0.0.5", List.of("198.51.100.7"), PROXY));
        assertEquals("198.51.100.7", ClientAddress.resolve("10.0.0.5", List.of("1.2.3.4, 198.51.100.7"), PROXY),
                "what the client wrote itself (1.2.3.4) is not believed");
        assertEquals("198.51.100.7", ClientAddress.resolve("10.0.0.5",
                List.of("1.2.3.4", "198.51.100.7, 10.0.0.5"), Set.of("10.0.0.5")), "several headers, proxies chained");
    }

    @Test
    void fromATrustedProxy_withoutHeader_theProxyItself() {
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", List.of(), PROXY));
    }

    @Test
    void trustedProxies_settingIsACommaSeparatedList() {
        assertEquals(Set.of("10.0.0.5", "10.0.0.6"), ClientAddress.trustedProxies(" 10.0.0.5, ,10.0.0.6 "));
        assertEquals(Set.of(), ClientAddress.trustedProxies(""));
    }
}
