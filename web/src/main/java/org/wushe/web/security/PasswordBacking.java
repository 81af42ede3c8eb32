package org.wushe.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.wushe.security.application.AccountService;
import org.wushe.security.application.PasswordLifecycle;
import org.wushe.security.application.PasswordSettings;
import org.wushe.security.application.SecondFactorService;
import org.wushe.security.application.SignInService;
import org.wushe.security.domain.PasswordPolicy;
import org.wushe.web.security.SignInSession.Gate;
import org.wushe.web.security.SignInSession.SignedIn;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * The owner's password change ({@code account/password.xhtml}): old password, new one twice, the
 * installation's rules shown. While the account must change its password, this is the only page
 * it reaches; once changed, an administrator without a second factor goes on to enrol one.
 */
@Named
@RequestScoped
public class PasswordBacking {

    @EJB
    PasswordLifecycle passwords;

    @EJB
    AccountService accounts;

    @EJB
    SecondFactorService secondFactors;

    @EJB
    SignInService signIns;

    private String oldPassword;
    private String newPassword;
    private String repeatPassword;
    private final PasswordPolicy policy = PasswordSettings.policy();

    public void change() throws IOException {
        boolean changed = Actions.run("password", () -> passwords.changeOwn(chars(oldPassword), chars(newPassword),
                chars(repeatPassword)));
        oldPassword = null;
        newPassword = null;
        repeatPassword = null;
        if (!changed) {
            return;
        }
        FacesContext ctx = FacesContext.getCurrentInstance();
        ExternalContext ext = ctx.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        Gate next = Gate.of(false, accounts.me().role().isAdministrator() && !secondFactors.enrolled());
        // The new password ended every session of the account; this one goes on.
        SignInSession.renew(request, signIns.renewedSession());
        SignInSession.pass(request, next);
        FacesErrors.info("password.changed");
        ext.getFlash().setKeepMessages(true);
        ext.redirect(ext.getRequestContextPath() + (next == Gate.NONE ? "/index.xhtml" : next.page()));
    }

    /** Whether the account is held here until the password is changed. */
    public boolean isForced() {
        SignedIn s = SignInSession.signedIn((HttpServletRequest) FacesContext.getCurrentInstance()
                .getExternalContext().getRequest());
        return s != null && s.gate() == Gate.CHANGE_PASSWORD;
    }

    public PasswordPolicy getPolicy() {
        return policy;
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    public String getOldPassword() {
        return oldPassword;
    }

    public void setOldPassword(String oldPassword) {
        this.oldPassword = oldPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
