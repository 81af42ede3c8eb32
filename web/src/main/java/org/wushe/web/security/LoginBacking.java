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
import org.wushe.web.support.Messages;

/**
 * The sign-in form: user name and password. Every refusal shows the same message
 * ({@code login.refused}), whether the name is unknown, the account disabled or locked, the
 * password wrong or the client address throttled: anything more precise would tell a stranger which
 * accounts exist (docs/operations.md, "Sign-in protection").
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ExternalContext ext = ctx.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) ext.getRequest(), (HttpServletResponse) ext.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.trim(),
                                new Password(password == null ? "" : password))));
        switch (status) {
            case SUCCESS -> {
                String target = next != null && next.startsWith("/") && !next.startsWith("//") ? next : "/index.xhtml";
                ext.redirect(ext.getRequestContextPath() + target);
            }
            case SEND_CONTINUE -> ctx.responseComplete();
            default -> {
                String text = Messages.text(ctx.getViewRoot().getLocale(), "login.refused");
                ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
                password = null;
            }
        }
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

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
