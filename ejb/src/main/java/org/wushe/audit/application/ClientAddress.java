package org.wushe.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The network address of the current web request, for the audit log; {@code "-"} outside a web
 * request (batch jobs, timers). Taken from the connection, not from forwarded-for headers that a
 * client could forge; behind a proxy, configure the server's listener to trust it instead.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    Instance<HttpServletRequest> request;

    public String current() {
        try {
            String a = request.get().getRemoteAddr();
            return a == null ? "-" : a;
        } catch (RuntimeException noRequest) {
            return "-";
        }
    }
}
