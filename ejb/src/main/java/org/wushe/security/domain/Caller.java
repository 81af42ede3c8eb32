package org.wushe.security.domain;

import java.util.Optional;
import java.util.Set;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;

/**
 * Who is calling a service, with the role and the scope read from their account. Services ask it
 * before every read or change of community data; the same scope becomes the filter of every list.
 *
 * <p>Usage: {@code caller.require(Right.VIEW_RESIDENTS); caller.requireCovers(resident.getGridCell());}
 */
public record Caller(Long accountId, String username, String displayName, Role role, ScopeKind scopeKind,
                     Set<Long> subDistrictIds, Long communityId, Set<Long> gridCellIds, Long residentId) {

    public Caller {
        subDistrictIds = Set.copyOf(subDistrictIds);
        gridCellIds = Set.copyOf(gridCellIds);
    }

    public static Caller of(Account a) {
        return new Caller(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(), a.getRole().scopeKind(),
                a.getSubDistricts().stream().map(s -> s.getId()).collect(java.util.stream.Collectors.toSet()),
                a.getCommunity() == null ? null : a.getCommunity().getId(),
                a.getGridCells().stream().map(g -> g.getId()).collect(java.util.stream.Collectors.toSet()),
                a.getResidentId());
    }

    public boolean has(Right right) {
        return role.has(right);
    }

    /** @throws NotPermittedException when the role lacks the right */
    public void require(Right right) {
        if (!has(right)) {
            throw new NotPermittedException(right.name());
        }
    }

    /**
     * Whether the community lies inside the scope (for grid workers: their grid cells' community).
     * This is the staff rule, {@link #coversAsStaff}; a resident's own scope covers no community.
     */
    public boolean covers(Community c) {
        return switch (scopeKind) {
            case CITY -> true;
            case SUB_DISTRICTS -> subDistrictIds.contains(c.getSubDistrict().getId());
            case COMMUNITY, GRID_CELLS -> c.getId().equals(communityId);
            case SELF -> false;
        };
    }

    /** Whether a grid cell lies inside the scope; a grid worker reaches only their own cells. */
    public boolean covers(GridCell g) {
        if (scopeKind == ScopeKind.GRID_CELLS) {
            return gridCellIds.contains(g.getId());
        }
        return covers(g.getCommunity());
    }

    /** @throws NotInScopeException when the community is outside the scope */
    public void requireCovers(Community c) {
        if (!covers(c)) {
            throw new NotInScopeException(c.getCode());
        }
    }

    /** @throws NotInScopeException when the grid cell is outside the scope */
    public void requireCovers(GridCell g) {
        if (!covers(g)) {
            throw new NotInScopeException(g.getCode());
        }
    }

    /**
     * The staff rule: the community lies inside the scope of the caller's account (the city, their
     * sub-districts, their community, or the community of their grid cells). A resident covers no
     * community as staff, not even their own.
     *
     * <p>Decision: features whose records are about other people or money (casework, the community
     * fund, community organisations) use this rule only. A resident's own community gives them no
     * reach there: the fund's ledger names donors and payees, cases and organisations hold personal
     * data, and a resident reads what concerns them through their own records, never by community.
     */
    public boolean coversAsStaff(Community c) {
        return covers(c);
    }

    /**
     * The resident rule: the staff rule, or, for a resident's self-service account, their own
     * community. Features a resident takes part in use it for what the community shows its residents
     * (the needs loop's own requests, the opportunity list, the service list and its votes,
     * deliberation): a resident reaches their own community there, and only it.
     *
     * <p>Decision: the own community counts only for a {@link ScopeKind#SELF} account; a staff
     * account's community is already inside its staff scope, so the rule widens nothing for staff.
     * Each service still checks the right and, for a resident, that a record is their own.
     */
    public boolean coversAsResident(Community c) {
        return covers(c) || scopeKind == ScopeKind.SELF && c.getId().equals(communityId);
    }

    /**
     * The people rule: whether a person (a resident, and through them a volunteer, a Party member, an
     * applicant, the resident of a need, a referral or a ladder row) who lives in the grid cell lies
     * inside the scope. Staff reach every person of a community their staff scope covers; a grid
     * worker only the people of their own grid cells, even where the record's check is per community
     * (the ladder, needs, Party members). Aggregate counts are not people and stay per community.
     *
     * <p>Lists apply the same rule in their query through {@link #personCells()}.
     */
    public boolean coversPerson(GridCell home) {
        return home != null && covers(home);
    }

    /**
     * @throws NotInScopeException naming the grid cell: {@code error.personNotInScope} when the
     *         community is inside the scope but the person lives outside the caller's grid cells,
     *         {@code error.notInScope} when the community itself is outside
     */
    public void requireCoversPerson(GridCell home) {
        if (!coversPerson(home)) {
            String code = home == null ? "?" : home.getCode();
            throw home != null && covers(home.getCommunity()) ? NotInScopeException.person(code)
                    : new NotInScopeException(code);
        }
    }

    /**
     * The grid cells a list of people narrows to under {@link #coversPerson}: a grid worker's own
     * cells (a set that matches nothing when they have none), or empty when the community scope the
     * list already checked reaches every person in it.
     */
    public Optional<Set<Long>> personCells() {
        if (scopeKind != ScopeKind.GRID_CELLS) {
            return Optional.empty();
        }
        return Optional.of(gridCellIds.isEmpty() ? Set.of(-1L) : gridCellIds);
    }

    /** @throws NotInScopeException naming the community when {@link #coversAsStaff} refuses it */
    public void requireCoversAsStaff(Community c) {
        if (!coversAsStaff(c)) {
            throw new NotInScopeException(c.getCode());
        }
    }

    /** @throws NotInScopeException naming the community when {@link #coversAsResident} refuses it */
    public void requireCoversAsResident(Community c) {
        if (!coversAsResident(c)) {
            throw new NotInScopeException(c.getCode());
        }
    }
}
