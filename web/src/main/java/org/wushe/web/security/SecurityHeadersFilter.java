package org.wushe.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The security headers of every response, in one place (registered first in {@code web.xml}).
 *
 * <ul>
 *   <li>{@code Strict-Transport-Security} on every response over HTTPS (plain HTTP is only ever
 *       redirected there by the transport guarantee of {@code web.xml});</li>
 *   <li>no framing ({@code X-Frame-Options: DENY} and {@code frame-ancestors 'none'}), so one-click
 *       buttons (approve, verify) cannot be clickjacked;</li>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin},
 *       {@code Cross-Origin-Opener-Policy: same-origin} and a {@code Permissions-Policy} that turns
 *       off what no page uses;</li>
 *   <li>{@code Cache-Control: no-store} on every page, API answer and download — any of them may show
 *       personal data — except the versioned static resources (scripts, styles, images of the
 *       theme), which carry no data;</li>
 *   <li>a Content Security Policy. Faces pages get theirs from PrimeFaces' CSP support (a nonce per
 *       view, inline handlers moved into nonce'd scripts; {@code primefaces.CSP_POLICY} in
 *       {@code web.xml} holds the same directives as {@link #POLICY}); every other response gets
 *       {@link #POLICY}, which allows no script but the application's own files.</li>
 * </ul>
 * The server's own {@code Server} and {@code X-Powered-By} headers are switched off in the domain
 * ({@code config/server.sh}); this filter removes what is left of them.
 */
public class SecurityHeadersFilter extends HttpFilter {

    /** The policy of responses not rendered by Faces (REST, downloads, error pages, resources). */
    static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "script-src 'self'";

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        if (!isStaticResource(path)) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        if (isStaticResource(path) || !isFacesPage(path)) {
            response.setHeader("Content-Security-Policy", POLICY);
        }
        response.setHeader("X-Powered-By", null);
        if (isFacesPage(path) && !isStaticResource(path)) {
            // A page keeps its state in the session: create it here, where its cookie can still be
            // given SameSite (the server does not apply the descriptor's attribute).
            request.getSession(true);
            SameSiteCookies.apply(response);
        }
        chain.doFilter(request, response);
    }

    /** Theme scripts, styles and images: cacheable, no personal data. */
    static boolean isStaticResource(String path) {
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }

    /** A page rendered by Faces, whose policy (with its nonce) PrimeFaces writes. */
    static boolean isFacesPage(String path) {
        return path.endsWith(".xhtml") || path.equals("/") || path.isEmpty();
    }
}
