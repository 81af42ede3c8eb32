package org.wushe.security.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * The database identity store of Jakarta Security: user name and password checked by
 * {@link SignInService} (PBKDF2, lockout); the group is the account's role name.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @EJB
    SignInService signIn;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential upc)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        SignInService.SignInResult r = signIn.signIn(upc.getCaller(), upc.getPassword().getValue());
        if (!r.signedIn()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(r.username(), Set.of(r.role().name()));
    }
}
