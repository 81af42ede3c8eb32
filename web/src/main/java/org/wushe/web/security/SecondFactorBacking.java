package org.wushe.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.wushe.security.application.AccountService;
import org.wushe.security.application.SecondFactorService;
import org.wushe.security.domain.Totp;
import org.wushe.web.security.SignInSession.Gate;
import org.wushe.web.security.SignInSession.SignedIn;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * The administrators' second factor ({@code account/second-factor.xhtml}): a new secret as a QR
 * code and as text for the authenticator app, confirmed with its first code; then the ten recovery
 * codes, shown this once. An administrator signed in without a second factor is held here until
 * it is enrolled; one who has it may enrol a new one (the old one and its recovery codes end).
 */
@Named
@ViewScoped
public class SecondFactorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SecondFactorService secondFactors;

    @EJB
    AccountService accounts;

    private String secret;
    private String qr;
    private String code;
    private List<String> recoveryCodes;
    private boolean enrolled;
    private boolean administrator;

    @PostConstruct
    void init() {
        administrator = accounts.me().role().isAdministrator();
        enrolled = administrator && secondFactors.enrolled();
        secret = Totp.newSecret();
        qr = QrCodes.svgDataUri(Totp.uri(SecondFactorService.ISSUER, accounts.me().username(), secret));
    }

    public void enrol() {
        Actions.run("enrol", () -> {
            recoveryCodes = secondFactors.enrol(secret, code);
            enrolled = true;
            SignInSession.pass(request(), Gate.NONE);
            FacesErrors.info("secondFactor.enrolled");
        });
        code = null;
    }

    /** Whether the administrator is held here until a second factor is enrolled. */
    public boolean isForced() {
        SignedIn s = SignInSession.signedIn(request());
        return s != null && s.gate() == Gate.ENROL_SECOND_FACTOR;
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    /** The secret in groups of four, easier to type. */
    public String getSecretGrouped() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    public String getQr() {
        return qr;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public boolean isEnrolled() {
        return enrolled;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public long getRecoveryCodesLeft() {
        return enrolled ? secondFactors.recoveryCodesLeft() : 0;
    }
}
