package org.wushe.security.domain;

import java.util.Set;
import java.util.TreeSet;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;
import org.wushe.shared.ValidationException;

/**
 * A role with the scope it reaches, checked to fit each other ({@link Role#scopeKind()}): nothing
 * for a city-wide role, one or more sub-districts, one community, or grid cells of one community.
 * A resident's self-service scope is not given by an administrator.
 *
 * <p>Usage: {@code account.rescope(AccountScope.of(role, subDistricts, community, cells));}
 */
public record AccountScope(Role role, Set<SubDistrict> subDistricts, Community community, Set<GridCell> gridCells) {

    public AccountScope {
        subDistricts = Set.copyOf(subDistricts);
        gridCells = Set.copyOf(gridCells);
    }

    /**
     * The scope of {@code role} from what was picked; what the role's kind does not use is ignored.
     *
     * @throws ValidationException {@code account.role.required} without a role,
     *         {@code account.role.selfService} for a resident, {@code account.scope.empty} when the
     *         kind's part is missing, {@code account.scope.gridsOfOneCommunity} for cells of two communities
     */
    public static AccountScope of(Role role, Set<SubDistrict> subDistricts, Community community, Set<GridCell> cells) {
        if (role == null) {
            throw ValidationException.of("role", "account.role.required");
        }
        return switch (role.scopeKind()) {
            case CITY -> new AccountScope(role, Set.of(), null, Set.of());
            case SUB_DISTRICTS -> {
                if (subDistricts == null || subDistricts.isEmpty()) {
                    throw ValidationException.of("subDistrictCodes", "account.scope.empty");
                }
                yield new AccountScope(role, subDistricts, null, Set.of());
            }
            case COMMUNITY -> {
                if (community == null) {
                    throw ValidationException.of("communityCode", "account.scope.empty");
                }
                yield new AccountScope(role, Set.of(), community, Set.of());
            }
            case GRID_CELLS -> {
                if (cells == null || cells.isEmpty()) {
                    throw ValidationException.of("gridCodes", "account.scope.empty");
                }
                Community of = cells.iterator().next().getCommunity();
                if (cells.stream().anyMatch(c -> !c.getCommunity().getId().equals(of.getId()))) {
                    throw ValidationException.of("gridCodes", "account.scope.gridsOfOneCommunity");
                }
                yield new AccountScope(role, Set.of(), of, cells);
            }
            case SELF -> throw ValidationException.of("role", "account.role.selfService");
        };
    }

    /** The codes the scope reaches, sorted, e.g. {@code [C001]} or {@code [C001-G01, C001-G02]}; empty for the city. */
    public Set<String> codes() {
        Set<String> codes = new TreeSet<>();
        subDistricts.forEach(s -> codes.add(s.getCode()));
        if (gridCells.isEmpty() && community != null) {
            codes.add(community.getCode());
        }
        gridCells.forEach(g -> codes.add(g.getCode()));
        return codes;
    }
}
