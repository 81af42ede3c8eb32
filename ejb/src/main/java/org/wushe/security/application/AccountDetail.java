package org.wushe.security.application;

import java.time.Instant;
import java.util.List;
import org.wushe.security.domain.Role;

/**
 * One account as the security administrator edits it: role and scope as codes, supervision, state,
 * and the administrator change waiting for confirmation, if any. Never the hash.
 */
public record AccountDetail(Long id, String username, String displayName, Role role, List<String> subDistrictCodes,
                            String communityCode, List<String> gridCodes, boolean supervising,
                            List<String> supervisionCodes, String supervisor, boolean enabled, Instant lockedUntil,
                            boolean locked, Long pendingChange) {
}
