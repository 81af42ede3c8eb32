package org.wushe.security.application;

import java.util.List;
import org.wushe.security.domain.Role;

/**
 * An account as lists show it: never the hash. {@code scope} lists the codes the account reaches;
 * {@code supervising} whether it is a supervising social worker; {@code supervisor} the user name of
 * its supervisor, or null.
 */
public record AccountView(Long id, String username, String displayName, Role role, List<String> scope,
                          boolean enabled, boolean locked, boolean supervising, String supervisor) {
}
