package org.wushe.security.application;

import org.wushe.security.domain.Role;

/**
 * The filter of the account list: part of the user name or display name, a role, a community code;
 * each may be null.
 */
public record AccountQuery(String text, Role role, String communityCode) {
    public static AccountQuery all() {
        return new AccountQuery(null, null, null);
    }
}
