package org.wushe.security.application;

import java.util.Set;
import org.wushe.security.domain.Role;

/**
 * A new account as the administrator enters it. Which scope fields are used depends on the role:
 * sub-district codes for sub-district officers, a community code for community staff, grid codes
 * for grid workers, nothing for city-wide roles.
 */
public record AccountForm(String username, String displayName, Role role, char[] password,
                          Set<String> subDistrictCodes, String communityCode, Set<String> gridCodes,
                          String supervisorUsername) {
    public AccountForm {
        subDistrictCodes = subDistrictCodes == null ? Set.of() : Set.copyOf(subDistrictCodes);
        gridCodes = gridCodes == null ? Set.of() : Set.copyOf(gridCodes);
    }
}
