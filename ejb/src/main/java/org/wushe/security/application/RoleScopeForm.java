package org.wushe.security.application;

import java.util.Set;
import org.wushe.security.domain.Role;

/** Another role and scope for an account, as codes (see {@link AccountForm} for which codes a role uses). */
public record RoleScopeForm(Role role, Set<String> subDistrictCodes, String communityCode, Set<String> gridCodes) {
    public RoleScopeForm {
        subDistrictCodes = subDistrictCodes == null ? Set.of() : Set.copyOf(subDistrictCodes);
        gridCodes = gridCodes == null ? Set.of() : Set.copyOf(gridCodes);
    }
}
