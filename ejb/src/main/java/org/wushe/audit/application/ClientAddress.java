package org.wushe.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.wushe.shared.Installation;

/**
 * The network address of the current web request, for the audit log and the sign-in protection;
 * {@code "-"} outside a web request (batch jobs, timers). Taken from the connection, not from
 * forwarded-for headers that a client could forge, unless the connection comes from a proxy the
 * installation names in {@value #TRUSTED_PROXIES} (default: none): then the {@code X-Forwarded-For}
 * header is read from the right, and the first address that is not a trusted proxy is the client.
 */
@ApplicationScoped
public class ClientAddress {

    /** The installation setting: addresses of reverse proxies whose X-Forwarded-For is believed, comma-separated. */
    public static final String TRUSTED_PROXIES = "wushe.trustedProxies";

    @Inject
    Instance<HttpServletRequest> request;

    public String current() {
        try {
            HttpServletRequest r = request.get();
            String remote = r.getRemoteAddr();
            if (remote == null) {
                return "-";
            }
            Set<String> trusted = trustedProxies(Installation.setting(TRUSTED_PROXIES, ""));
            if (trusted.isEmpty() || !trusted.contains(remote)) {
                return remote;
            }
            return resolve(remote, Collections.list(r.getHeaders("X-Forwarded-For")), trusted);
        } catch (RuntimeException noRequest) {
            return "-";
        }
    }

    /** The setting's addresses, trimmed, empty ones left out. */
    static Set<String> trustedProxies(String setting) {
        return Arrays.stream(setting.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The client of a request that reached the server from {@code remote} with the given
     * X-Forwarded-For headers: walking the hops from the nearest, the first that is not a trusted
     * proxy (a trusted proxy vouches only for the hop before it). With no such hop, the farthest one
     * named, or {@code remote}.
     */
    static String resolve(String remote, List<String> forwardedFor, Set<String> trusted) {
        if (!trusted.contains(remote)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? remote : hops.get(0);
    }
}
