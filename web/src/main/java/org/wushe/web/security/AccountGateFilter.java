package org.wushe.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.wushe.web.api.Problems;
import org.wushe.web.security.SignInSession.Gate;
import org.wushe.web.security.SignInSession.SignedIn;

/**
 * Holds a signed-in account at its gate ({@link Gate}) until it is passed: whose password must be
 * changed (set by someone else, reset, expired) or, for an administrator, whose second factor is
 * not enrolled yet. Pages redirect to the one page of the gate (which also has the sign-out); the
 * sign-in page, static resources, public pages and error pages stay open. The API answers 403 with
 * a problem document; only {@code PUT /api/me/password} (and {@code GET /api/me}) pass while the
 * password must be changed.
 */
public class AccountGateFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Open whatever the gate: the sign-in page, static resources, public and error pages. */
    private static final List<String> OPEN = List.of("/login.xhtml", "/jakarta.faces.resource/", "/resources/",
            "/public/", "/error/");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (WusheAuthenticationMechanism.isApi(request)) {
            Gate gate = request.getAttribute(SignInSession.API_GATE) instanceof Gate g ? g : Gate.NONE;
            if (gate == Gate.CHANGE_PASSWORD && !passesWhilePasswordMustChange(request.getMethod(), path)) {
                Problems.write(response, 403, "password.mustChangeFirst", request.getLocale());
                return;
            }
            if (gate == Gate.ENROL_SECOND_FACTOR) {
                Problems.write(response, 403, "secondFactor.enrolFirst", request.getLocale());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        SignedIn s = SignInSession.signedIn(request);
        if (s == null || s.gate() == Gate.NONE || path.equals(s.gate().page())
                || OPEN.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + s.gate().page());
    }

    static boolean passesWhilePasswordMustChange(String method, String path) {
        return ("PUT".equals(method) && path.equals("/api/me/password")) || ("GET".equals(method) && path.equals("/api/me"));
    }
}
