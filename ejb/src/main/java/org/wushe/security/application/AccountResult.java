package org.wushe.security.application;

/**
 * What an account change did: took effect ({@code account} set), or, for an administrator account
 * under four-eyes, recorded a request that a second security administrator confirms
 * ({@code request} set, nothing changed yet).
 */
public record AccountResult(AccountView account, AdminChangeView request) {

    static AccountResult done(AccountView account) {
        return new AccountResult(account, null);
    }

    static AccountResult requested(AdminChangeView request) {
        return new AccountResult(null, request);
    }

    /** Whether the change waits for a second security administrator. */
    public boolean waitsForConfirmation() {
        return request != null;
    }
}
