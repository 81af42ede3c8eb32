package org.wushe.web.security;

import jakarta.security.enterprise.credential.Credential;

/** The second step of an administrator's sign-in on the page: the authenticator's code or a recovery code. */
record SecondFactorCredential(String code) implements Credential {
}
