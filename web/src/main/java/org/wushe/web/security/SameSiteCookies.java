package org.wushe.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Gives the cookies of a response the {@code SameSite=Strict} attribute. The session cookie's
 * attributes of {@code web.xml} ({@code <cookie-config><attribute>}, Servlet 6.0) are not applied by
 * the reference server (GlassFish 7.0.21 writes only Secure and HttpOnly), so the application adds
 * it itself wherever a session cookie is born: {@link SecurityHeadersFilter} creates the session of
 * a page request before the page runs, and the sign-in changes the session id
 * ({@link WusheAuthenticationMechanism}); both then call {@link #apply}. Servers that honour the
 * descriptor write the attribute themselves, and {@link #apply} leaves such cookies as they are.
 */
public final class SameSiteCookies {

    static final String ATTRIBUTE = "SameSite=Strict";

    private SameSiteCookies() {
    }

    /** Adds {@code SameSite=Strict} to every {@code Set-Cookie} header of a response not yet committed. */
    public static void apply(HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        Collection<String> cookies = response.getHeaders("Set-Cookie");
        if (cookies == null || cookies.isEmpty() || cookies.stream().allMatch(SameSiteCookies::hasSameSite)) {
            return;
        }
        List<String> fixed = new ArrayList<>();
        for (String cookie : cookies) {
            fixed.add(withSameSite(cookie));
        }
        response.setHeader("Set-Cookie", fixed.get(0));
        for (String cookie : fixed.subList(1, fixed.size())) {
            response.addHeader("Set-Cookie", cookie);
        }
    }

    static String withSameSite(String cookie) {
        return hasSameSite(cookie) ? cookie : cookie + "; " + ATTRIBUTE;
    }

    static boolean hasSameSite(String cookie) {
        return cookie.toLowerCase(Locale.ROOT).contains("samesite=");
    }
}
