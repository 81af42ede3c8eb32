package org.wushe.web.security;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import jakarta.ejb.EJB;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.security.application.AccountService;
import org.wushe.security.application.NotSignedInException;
import org.wushe.security.domain.Caller;

/**
 * The user's session: chosen language (Chinese by default, English switchable) and sign-out.
 */
@Named
@SessionScoped
public class SessionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale = Locale.SIMPLIFIED_CHINESE;

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.getLanguage();
    }

    /** Switches between 中文 and English and re-renders the current page. */
    public void switchLanguage(String language) {
        locale = "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }

    @EJB
    AccountService accounts;

    @EJB
    AuditLog audit;

    /** Signs out (audited as {@code SIGN_OUT}) and ends the session. */
    public void signOut() throws IOException, ServletException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        try {
            Caller me = accounts.me();
            audit.record(me, AuditAction.SIGN_OUT, null, "ACCOUNT", me.accountId(), null, null, "signed out on the page");
        } catch (NotSignedInException notSignedIn) {
            // a session without a sign-in has nothing to record
        }
        ((HttpServletRequest) ext.getRequest()).logout();
        ext.invalidateSession();
        ext.redirect(ext.getRequestContextPath() + "/login.xhtml");
    }
}
