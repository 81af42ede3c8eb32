package org.wushe.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.wushe.web.api.Problems;

/**
 * How people sign in. Pages use the Wushe sign-in form (the form calls
 * {@code SecurityContext.authenticate} with the user name and password); the sign-in is then kept
 * in the page session, whose id is changed at that moment (no session fixation). The REST API under
 * {@code /api} is stateless: it takes HTTP Basic credentials on every request and never reads or
 * creates the page session, so a page open in the same browser cannot call it with the session
 * cookie (no cross-site request forgery through the cookie). Both check the same identity store
 * (PBKDF2 hashes, lockout). A page that needs sign-in redirects to the form; the API answers 401
 * with a problem document.
 */
@ApplicationScoped
public class WusheAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The session attribute that keeps a page sign-in: the caller name and groups only. */
    static final String SESSION_KEY = "org.wushe.signIn";

    /** What the page session remembers of a sign-in. */
    record SignedIn(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext ctx) {
        boolean api = isApi(request);
        if (ctx.isAuthenticationRequest() && !api) {
            Credential credential = ctx.getAuthParameters().getCredential();
            return credential == null ? ctx.doNothing() : signInPage(credential, request, ctx);
        }
        if (!api) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_KEY) instanceof SignedIn s) {
                return ctx.notifyContainerAboutLogin(s.name(), s.groups());
            }
        }
        if (api) {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                UsernamePasswordCredential credential = decodeBasic(header.substring(6).trim());
                if (credential != null) {
                    AuthenticationStatus status = check(credential, ctx);
                    if (status == AuthenticationStatus.SUCCESS) {
                        return status;
                    }
                }
                return unauthorized(request, response, ctx);
            }
        }
        if (!ctx.isProtected()) {
            return ctx.doNothing();
        }
        if (api) {
            return unauthorized(request, response, ctx);
        }
        String next = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        if (query != null) {
            next += "?" + query;
        }
        return ctx.redirect(request.getContextPath() + "/login.xhtml?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    /**
     * A sign-in through the form: on success the session id changes (the id a visitor had before
     * signing in is worth nothing afterwards) and the session keeps the caller.
     */
    private AuthenticationStatus signInPage(Credential credential, HttpServletRequest request, HttpMessageContext ctx) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        SameSiteCookies.apply(ctx.getResponse());
        session.setAttribute(SESSION_KEY, new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        return ctx.notifyContainerAboutLogin(result);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext ctx) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_KEY);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, ctx);
    }

    private AuthenticationStatus check(Credential credential, HttpMessageContext ctx) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return ctx.notifyContainerAboutLogin(result);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext ctx) {
        try {
            response.setHeader("WWW-Authenticate", "Basic realm=\"wushe\", charset=\"UTF-8\"");
            Problems.write(response, 401, "error.notSignedIn", request.getLocale());
        } catch (IOException e) {
            return ctx.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static UsernamePasswordCredential decodeBasic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException badBase64) {
            return null;
        }
    }
}
