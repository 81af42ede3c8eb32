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
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import jakarta.ejb.EJB;
import org.wushe.audit.application.ClientAddress;
import org.wushe.security.application.AccountIdentityStore;
import org.wushe.security.application.SecondFactorService;
import org.wushe.security.application.SignInService;
import org.wushe.security.application.SignInService.SignInResult;
import org.wushe.web.api.Problems;
import org.wushe.web.security.SignInSession.Gate;
import org.wushe.web.security.SignInSession.Pending;
import org.wushe.web.security.SignInSession.SignedIn;

/**
 * How people sign in. Pages use the Wushe sign-in form (the form calls
 * {@code SecurityContext.authenticate} with the user name and password); the sign-in is then kept
 * in the page session, whose id is changed at that moment (no session fixation). The REST API under
 * {@code /api} is stateless: it takes HTTP Basic credentials on every request and never reads or
 * creates the page session, so a page open in the same browser cannot call it with the session
 * cookie (no cross-site request forgery through the cookie). Both check the same identity store
 * (PBKDF2 hashes, lockout). A page that needs sign-in redirects to the form; the API answers 401
 * with a problem document.
 *
 * <p>The three administrators have a second factor (TOTP): on the page, a right password leads to
 * a second step asking for the code (or a recovery code) before the sign-in is complete; the API
 * wants the current code in the header {@value #OTP_HEADER} of every request. An account whose
 * password must be changed (or an administrator without a second factor) is signed in behind a gate
 * ({@link SignInSession.Gate}) that {@link AccountGateFilter} enforces. Sign-ins through the page
 * are audited ({@code SIGN_IN}); refusals of either are audited by the services.
 */
@ApplicationScoped
public class WusheAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The header of an administrator's API request that carries the current TOTP code. */
    public static final String OTP_HEADER = "X-Wushe-Otp";
    /** Wrong codes in the second step before the password must be typed again. */
    static final int MOST_CODE_FAILURES = 3;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ClientAddress clientAddress;

    @EJB
    SecondFactorService secondFactors;

    @EJB
    SignInService signIns;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext ctx) {
        boolean api = isApi(request);
        if (ctx.isAuthenticationRequest() && !api) {
            Credential credential = ctx.getAuthParameters().getCredential();
            if (credential instanceof SecondFactorCredential code) {
                return secondStep(code, request, ctx);
            }
            return credential == null ? ctx.doNothing() : signInPage(credential, request, ctx);
        }
        boolean ended = false;
        if (!api) {
            SignedIn s = SignInSession.signedIn(request);
            if (s != null && signIns.sessionValid(s.name(), s.since())) {
                return ctx.notifyContainerAboutLogin(s.name(), s.groups());
            }
            if (s != null) {
                SignInSession.end(request);
                signIns.sessionEnded(s.name(), clientAddress.current(), "page session ended by the server: "
                        + "the account was disabled, given a new password or another role or scope since " + s.since());
                ended = true;
            }
        }
        if (api) {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                UsernamePasswordCredential credential = decodeBasic(header.substring(6).trim());
                if (credential != null) {
                    return apiSignIn(credential, request, response, ctx);
                }
                return unauthorized(request, response, ctx, "error.notSignedIn");
            }
        }
        if (!ctx.isProtected()) {
            return ctx.doNothing();
        }
        if (api) {
            return unauthorized(request, response, ctx, "error.notSignedIn");
        }
        String next = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        if (query != null) {
            next += "?" + query;
        }
        return ctx.redirect(request.getContextPath() + "/login.xhtml?" + (ended ? "ended=true&" : "") + "next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    /**
     * A sign-in through the form: on success the session id changes (the id a visitor had before
     * signing in is worth nothing afterwards). An administrator with a second factor goes on to the
     * code ({@code SEND_CONTINUE}, the session holding the half-done sign-in); anyone else is signed
     * in, behind the gate their account must pass.
     */
    private AuthenticationStatus signInPage(Credential credential, HttpServletRequest request, HttpMessageContext ctx) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignInResult r = (SignInResult) request.getAttribute(AccountIdentityStore.RESULT_ATTRIBUTE);
        String name = result.getCallerPrincipal().getName();
        Set<String> groups = Set.copyOf(result.getCallerGroups());
        boolean admin = r != null && r.role() != null && r.role().isAdministrator();
        boolean mustChange = r != null && r.mustChangePassword();
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        SameSiteCookies.apply(ctx.getResponse());
        session.removeAttribute(SignInSession.PENDING);
        if (admin && secondFactors.enrolled(name)) {
            session.setAttribute(SignInSession.PENDING, new Pending(name, groups, mustChange, 0));
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return complete(request, ctx, name, groups, Gate.of(mustChange, admin),
                admin ? "password; no second factor enrolled yet" : "password");
    }

    /** The second step: the code (or a recovery code) of the administrator whose password was right. */
    private AuthenticationStatus secondStep(SecondFactorCredential code, HttpServletRequest request,
                                            HttpMessageContext ctx) {
        Pending pending = SignInSession.pending(request);
        if (pending == null) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SecondFactorService.Check check = secondFactors.signIn(pending.name(), code.code(), clientAddress.current());
        HttpSession session = request.getSession();
        if (check == SecondFactorService.Check.REFUSED) {
            Pending failed = pending.failedOnce();
            if (failed.failures() >= MOST_CODE_FAILURES) {
                session.removeAttribute(SignInSession.PENDING);
            } else {
                session.setAttribute(SignInSession.PENDING, failed);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        session.removeAttribute(SignInSession.PENDING);
        request.changeSessionId();
        SameSiteCookies.apply(ctx.getResponse());
        return complete(request, ctx, pending.name(), pending.groups(), Gate.of(pending.mustChangePassword(), false),
                check == SecondFactorService.Check.RECOVERY_CODE ? "password and a recovery code"
                        : "password and second factor");
    }

    private AuthenticationStatus complete(HttpServletRequest request, HttpMessageContext ctx, String name,
                                          Set<String> groups, Gate gate, String how) {
        String address = clientAddress.current();
        Instant since = signIns.pageSignIn(name, address, "signed in on the page with " + how
                + (gate == Gate.NONE ? "" : "; must first pass: " + gate));
        request.getSession().setAttribute(SignInSession.SIGNED_IN, new SignedIn(name, groups, gate, since, address));
        return ctx.notifyContainerAboutLogin(name, groups);
    }

    /**
     * An API request: the password (remembered for a few minutes once verified) and, for an
     * administrator, the current code in {@value #OTP_HEADER}. A gate of the account is left for
     * {@link AccountGateFilter} in the request attribute {@value SignInSession#API_GATE}.
     */
    private AuthenticationStatus apiSignIn(UsernamePasswordCredential credential, HttpServletRequest request,
                                           HttpServletResponse response, HttpMessageContext ctx) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(request, response, ctx, "error.notSignedIn");
        }
        SignInResult r = (SignInResult) request.getAttribute(AccountIdentityStore.RESULT_ATTRIBUTE);
        String name = result.getCallerPrincipal().getName();
        boolean mustEnrol = false;
        if (r != null && r.role() != null && r.role().isAdministrator()) {
            if (!secondFactors.enrolled(name)) {
                mustEnrol = true;
            } else if (secondFactors.api(name, request.getHeader(OTP_HEADER), clientAddress.current())
                    != SecondFactorService.Check.CODE) {
                return unauthorized(request, response, ctx, "signIn.secondFactor.required");
            }
        }
        request.setAttribute(SignInSession.API_GATE, Gate.of(r != null && r.mustChangePassword(), mustEnrol));
        return ctx.notifyContainerAboutLogin(result);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext ctx) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignInSession.SIGNED_IN);
            session.removeAttribute(SignInSession.PENDING);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, ctx);
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext ctx, String key) {
        try {
            response.setHeader("WWW-Authenticate", "Basic realm=\"wushe\", charset=\"UTF-8\"");
            Problems.write(response, 401, key, request.getLocale());
        } catch (IOException e) {
            return ctx.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static boolean isApi(HttpServletRequest request) {
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
