package org.wushe.security.application;

import java.util.Set;
import org.wushe.security.domain.Role;

/**
 * A new account as the security administrator enters it. Which scope fields are used depends on
 * the role: sub-district codes for sub-district officers, a community code for community staff,
 * grid codes for grid workers, nothing for city-wide roles. A social worker may be marked as
 * supervising the social workers of {@code supervisionCodes} (sub-district codes) and may be given
 * a supervisor.
 */
public record AccountForm(String username, String displayName, Role role, char[] password,
                          Set<String> subDistrictCodes, String communityCode, Set<String> gridCodes,
                          String supervisorUsername, boolean supervising, Set<String> supervisionCodes) {
    public AccountForm {
        subDistrictCodes = subDistrictCodes == null ? Set.of() : Set.copyOf(subDistrictCodes);
        gridCodes = gridCodes == null ? Set.of() : Set.copyOf(gridCodes);
        supervisionCodes = supervisionCodes == null ? Set.of() : Set.copyOf(supervisionCodes);
    }

    /** An account that supervises nobody. */
    public AccountForm(String username, String displayName, Role role, char[] password, Set<String> subDistrictCodes,
                       String communityCode, Set<String> gridCodes, String supervisorUsername) {
        this(username, displayName, role, password, subDistrictCodes, communityCode, gridCodes, supervisorUsername,
                false, Set.of());
    }
}
