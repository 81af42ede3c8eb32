package org.wushe.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.wushe.web.support.Messages;

/**
 * The sign-in form: user name and password. Every refusal shows the same message
 * ({@code login.refused}), whether the name is unknown, the account disabled or locked, the
 * password wrong or the client address throttled: anything more precise would tell a stranger which
 * accounts exist (docs/operations.md, "Sign-in protection"). An administrator then gives the code of
 * their authenticator app (or a recovery code) in a second step on the same page; after
 * {@value WusheAuthenticationMechanism#MOST_CODE_FAILURES} wrong codes the password is asked again.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    private String username;
    private String password;
    private String code;
    private String next;
    private boolean ended;

    public void signIn() throws IOException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ExternalContext ext = ctx.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) ext.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.trim(),
                                new Password(password == null ? "" : password))));
        password = null;
        switch (status) {
            case SUCCESS -> ext.redirect(ext.getRequestContextPath() + target());
            case SEND_CONTINUE -> {
                if (SignInSession.pending(request) != null) {
                    // The password was right; the administrator's code comes next, on the same page.
                    ext.redirect(ext.getRequestContextPath() + "/login.xhtml"
                            + (next == null ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
                } else {
                    ctx.responseComplete();
                }
            }
            default -> refuse(ctx, "login.refused");
        }
    }

    /** The second step of an administrator's sign-in: the authenticator's code or a recovery code. */
    public void verifyCode() throws IOException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ExternalContext ext = ctx.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) ext.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new SecondFactorCredential(code == null ? "" : code.trim())));
        code = null;
        if (status == AuthenticationStatus.SUCCESS) {
            ext.redirect(ext.getRequestContextPath() + target());
            return;
        }
        refuse(ctx, SignInSession.pending(request) == null ? "login.code.tooMany" : "login.code.refused");
    }

    /** Leaves the second step: back to the user name and password. */
    public void cancelCode() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        if (request.getSession(false) != null) {
            request.getSession().removeAttribute(SignInSession.PENDING);
        }
    }

    /** Whether the page asks for the second factor's code (an administrator's password was right). */
    public boolean isCodeStep() {
        return SignInSession.pending((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest()) != null;
    }

    private String target() {
        return next != null && next.startsWith("/") && !next.startsWith("//") ? next : "/index.xhtml";
    }

    private static void refuse(FacesContext ctx, String key) {
        String text = Messages.text(ctx.getViewRoot().getLocale(), key);
        ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** The previous session was ended by the server (an account change): say so above the form. */
    public boolean isEnded() {
        return ended;
    }

    public void setEnded(boolean ended) {
        this.ended = ended;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
