package org.wushe.security.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.wushe.audit.application.ClientAddress;

/**
 * The database identity store of Jakarta Security: user name and password checked by
 * {@link SignInService} (PBKDF2, account lockout, address throttle) for the client address of the
 * current request ({@link ClientAddress}); the group is the account's role name. Every refusal is
 * the same {@code INVALID_RESULT}, whatever its reason. The whole result of a valid one (whether
 * the password must be changed first) is left for the authentication mechanism in the request
 * attribute {@value #RESULT_ATTRIBUTE}.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    /** The request attribute that holds the {@link SignInService.SignInResult} of a valid credential. */
    public static final String RESULT_ATTRIBUTE = "org.wushe.signInResult";

    @EJB
    SignInService signIn;

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    ClientAddress clientAddress;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential upc)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        SignInService.SignInResult r = signIn.signIn(upc.getCaller(), upc.getPassword().getValue(),
                clientAddress.current());
        if (!r.signedIn()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        try {
            request.get().setAttribute(RESULT_ATTRIBUTE, r);
        } catch (RuntimeException noRequest) {
            // validated outside a web request: nobody asks for the details
        }
        return new CredentialValidationResult(r.username(), Set.of(r.role().name()));
    }
}
