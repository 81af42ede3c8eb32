package org.wushe.community.application;

import java.util.Map;
import org.wushe.security.domain.Caller;

/**
 * The caller's scope as a JPQL condition on a community alias and a grid-cell alias, so every list
 * is filtered in the database by the same rule {@link Caller#covers} applies to one record.
 */
record ScopeClause(String jpql, Map<String, Object> params) {

    static ScopeClause of(Caller caller, String community, String gridCell) {
        return switch (caller.scopeKind()) {
            case CITY -> new ScopeClause("1 = 1", Map.of());
            case SUB_DISTRICTS -> new ScopeClause(community + ".subDistrict.id in :scopeSubDistricts",
                    Map.of("scopeSubDistricts", caller.subDistrictIds()));
            case COMMUNITY -> new ScopeClause(community + ".id = :scopeCommunity",
                    Map.of("scopeCommunity", caller.communityId()));
            case GRID_CELLS -> gridCell == null
                    ? new ScopeClause(community + ".id = :scopeCommunity", Map.of("scopeCommunity", caller.communityId()))
                    : new ScopeClause(gridCell + ".id in :scopeGrids", Map.of("scopeGrids", caller.gridCellIds()));
            case SELF -> new ScopeClause("1 = 0", Map.of());
        };
    }
}
