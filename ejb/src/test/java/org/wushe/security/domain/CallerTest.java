package org.wushe.security.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.security.domain.AccountTest.setId;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;

class CallerTest {

    private final SubDistrict east = new SubDistrict("SD01", "东湖街道");
    private final SubDistrict west = new SubDistrict("SD02", "西山街道");
    private final Community c1 = new Community("C001", "桃园", east);
    private final Community c3 = new Community("C003", "青山", west);
    private final GridCell g1 = new GridCell("C001-G01", "一", c1);
    private final GridCell g2 = new GridCell("C001-G02", "二", c1);

    CallerTest() {
        setId(east, 1L);
        setId(west, 2L);
        setId(c1, 11L);
        setId(c3, 13L);
        setId(g1, 101L);
        setId(g2, 102L);
    }

    private Caller caller(Role role, Set<Long> subDistricts, Long community, Set<Long> grids) {
        return new Caller(1L, "u", "U", role, role.scopeKind(), subDistricts, community, grids, null);
    }

    @Test
    void city_coversEverything() {
        Caller admin = caller(Role.BUREAU_ADMIN, Set.of(), null, Set.of());
        assertTrue(admin.covers(c1));
        assertTrue(admin.covers(g2));
    }

    @Test
    void subDistricts_coverOnlyTheirCommunities() {
        Caller officer = caller(Role.SUB_DISTRICT_OFFICER, Set.of(1L), null, Set.of());
        assertTrue(officer.covers(c1));
        assertFalse(officer.covers(c3));
        assertThrows(NotInScopeException.class, () -> officer.requireCovers(c3));
    }

    @Test
    void community_coversOnlyItself() {
        Caller worker = caller(Role.SOCIAL_WORKER, Set.of(), 11L, Set.of());
        assertTrue(worker.covers(g1));
        assertFalse(worker.covers(c3));
        NotInScopeException e = assertThrows(NotInScopeException.class, () -> worker.requireCovers(c3));
        assertEquals("C003", e.args().get(0));
    }

    @Test
    void gridWorker_coversOwnCellsOnly_butItsCommunity() {
        Caller grid = caller(Role.GRID_WORKER, Set.of(), 11L, Set.of(101L));
        assertTrue(grid.covers(g1));
        assertFalse(grid.covers(g2));
        assertTrue(grid.covers(c1));
    }

    @Test
    void rights_followTheRole() {
        assertThrows(NotPermittedException.class,
                () -> caller(Role.BUREAU_ADMIN, Set.of(), null, Set.of()).require(Right.REVEAL_PERSONAL_DATA));
        assertThrows(NotPermittedException.class,
                () -> caller(Role.SUB_DISTRICT_OFFICER, Set.of(1L), null, Set.of()).require(Right.EDIT_RESIDENTS));
        caller(Role.SOCIAL_WORKER, Set.of(), 11L, Set.of()).require(Right.REVEAL_PERSONAL_DATA);
    }
}
