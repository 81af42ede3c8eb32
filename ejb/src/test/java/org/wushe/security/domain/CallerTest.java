package org.wushe.security.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.security.domain.Ids.withId;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;

class CallerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    private final SubDistrict east = withId(new SubDistrict("SD01", "东湖街道"), 1L);
    private final SubDistrict west = withId(new SubDistrict("SD02", "西山街道"), 2L);
    private final Community taoyuan = withId(new Community("C001", "桃园社区", east), 11L);
    private final Community shuiguohu = withId(new Community("C002", "水果湖社区", east), 12L);
    private final Community qingshan = withId(new Community("C003", "青山社区", west), 13L);
    private final GridCell taoyuanOne = withId(new GridCell("C001-G01", "桃园一网格", taoyuan), 101L);
    private final GridCell taoyuanTwo = withId(new GridCell("C001-G02", "桃园二网格", taoyuan), 102L);
    private final GridCell hubin = withId(new GridCell("C002-G01", "湖滨网格", shuiguohu), 201L);
    private final GridCell qingshanOne = withId(new GridCell("C003-G01", "青山一网格", qingshan), 301L);

    private final List<Community> communities = List.of(taoyuan, shuiguohu, qingshan);
    private final List<GridCell> cells = List.of(taoyuanOne, taoyuanTwo, hubin, qingshanOne);

    private static Caller caller(Account a, long id) {
        return Caller.of(withId(a, id));
    }

    private Caller bureauAdmin() {
        return caller(Account.cityWide("admin", "h", "管理员", Role.SYSTEM_ADMIN, NOW), 1L);
    }

    private Caller officerOf(SubDistrict... subDistricts) {
        return caller(Account.overSubDistricts("officer", "h", "街道干部", Role.SUB_DISTRICT_OFFICER,
                Set.of(subDistricts), NOW), 2L);
    }

    private Caller socialWorkerOf(Community c) {
        return caller(Account.inCommunity("social", "h", "社工", Role.SOCIAL_WORKER, c, NOW), 3L);
    }

    private Caller gridWorkerOf(GridCell... gridCells) {
        return caller(Account.overGridCells("grid", "h", "网格员", Role.GRID_WORKER, Set.of(gridCells), NOW), 4L);
    }

    @Test
    void of_readsRoleAndScopeFromTheAccount() {
        Caller grid = gridWorkerOf(taoyuanOne);
        assertEquals(4L, grid.accountId());
        assertEquals(Role.GRID_WORKER, grid.role());
        assertEquals(ScopeKind.GRID_CELLS, grid.scopeKind());
        assertEquals(11L, grid.communityId());
        assertEquals(Set.of(101L), grid.gridCellIds());
        assertEquals(Set.of(1L, 2L), officerOf(east, west).subDistrictIds());
    }

    @Test
    void city_coversAllCommunitiesAndCells() {
        Caller admin = bureauAdmin();
        communities.forEach(c -> assertTrue(admin.covers(c), c.getCode()));
        cells.forEach(g -> assertTrue(admin.covers(g), g.getCode()));
    }

    @Test
    void subDistricts_coverOnlyTheCommunitiesOfTheirSubDistricts() {
        Caller officer = officerOf(east);
        assertTrue(officer.covers(taoyuan));
        assertTrue(officer.covers(shuiguohu));
        assertFalse(officer.covers(qingshan));
        assertTrue(officer.covers(taoyuanTwo));
        assertTrue(officer.covers(hubin));
        assertFalse(officer.covers(qingshanOne));
    }

    @Test
    void subDistricts_ofSeveralSubDistricts_coverAllOfThem() {
        Caller officer = officerOf(east, west);
        communities.forEach(c -> assertTrue(officer.covers(c), c.getCode()));
    }

    @Test
    void subDistricts_followACommunityThatMoves() {
        Caller officer = officerOf(east);
        taoyuan.moveTo(west);
        assertFalse(officer.covers(taoyuan));
        assertFalse(officer.covers(taoyuanOne));
    }

    @Test
    void community_coversOnlyItsCommunity() {
        Caller worker = socialWorkerOf(taoyuan);
        assertTrue(worker.covers(taoyuan));
        assertFalse(worker.covers(shuiguohu), "same sub-district, other community");
        assertFalse(worker.covers(qingshan));
        assertTrue(worker.covers(taoyuanOne));
        assertTrue(worker.covers(taoyuanTwo));
        assertFalse(worker.covers(hubin));
    }

    @Test
    void gridCells_coverOnlyTheirOwnCells() {
        Caller grid = gridWorkerOf(taoyuanOne);
        assertTrue(grid.covers(taoyuanOne));
        assertFalse(grid.covers(taoyuanTwo), "another cell of the same community");
        assertFalse(grid.covers(hubin));
        assertFalse(grid.covers(qingshanOne));
    }

    @Test
    void gridCells_coverTheirCommunity_butNoOther() {
        Caller grid = gridWorkerOf(taoyuanOne, taoyuanTwo);
        assertTrue(grid.covers(taoyuan));
        assertFalse(grid.covers(shuiguohu));
        assertFalse(grid.covers(qingshan));
    }

    @Test
    void self_coversNoCommunity() {
        Caller resident = caller(Account.forResident("resident1", "h", "居民", taoyuan, 42L, NOW), 5L);
        assertEquals(ScopeKind.SELF, resident.scopeKind());
        assertEquals(42L, resident.residentId());
        assertFalse(resident.covers(taoyuan));
        assertFalse(resident.covers(taoyuanOne));
    }

    @Test
    void requireCovers_outsideTheScope_throwsNotInScopeNamingTheCode() {
        NotInScopeException c = assertThrows(NotInScopeException.class, () -> socialWorkerOf(taoyuan).requireCovers(qingshan));
        assertEquals("error.notInScope", c.key());
        assertEquals(List.of("C003"), c.args());
        NotInScopeException g = assertThrows(NotInScopeException.class,
                () -> gridWorkerOf(taoyuanOne).requireCovers(taoyuanTwo));
        assertEquals(List.of("C001-G02"), g.args());
        assertEquals(403, g.httpStatus());
    }

    @Test
    void requireCovers_insideTheScope_passes() {
        assertDoesNotThrow(() -> gridWorkerOf(taoyuanOne).requireCovers(taoyuanOne));
        assertDoesNotThrow(() -> officerOf(east).requireCovers(shuiguohu));
    }

    @Test
    void require_bureauAdminLacksRevealPersonalData() {
        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> bureauAdmin().require(Right.REVEAL_PERSONAL_DATA));
        assertEquals("error.notPermitted", e.key());
        assertEquals(List.of("REVEAL_PERSONAL_DATA"), e.args());
        assertEquals(403, e.httpStatus());
    }

    @Test
    void require_subDistrictOfficerLacksEditResidents() {
        assertThrows(NotPermittedException.class, () -> officerOf(east).require(Right.EDIT_RESIDENTS));
        assertThrows(NotPermittedException.class, () -> officerOf(east).require(Right.REVEAL_PERSONAL_DATA));
        assertDoesNotThrow(() -> officerOf(east).require(Right.VIEW_RESIDENTS));
    }

    @Test
    void require_gridWorkerMayRevealButNotEdit() {
        assertDoesNotThrow(() -> gridWorkerOf(taoyuanOne).require(Right.REVEAL_PERSONAL_DATA));
        assertThrows(NotPermittedException.class, () -> gridWorkerOf(taoyuanOne).require(Right.EDIT_RESIDENTS));
    }

    @Test
    void require_rightsFollowTheRoleTable() {
        for (Role role : Role.values()) {
            Caller c = new Caller(1L, "u", "U", role, role.scopeKind(), Set.of(), null, Set.of(), null);
            for (Right right : Right.values()) {
                if (role.has(right)) {
                    assertDoesNotThrow(() -> c.require(right), role + " " + right);
                } else {
                    assertThrows(NotPermittedException.class, () -> c.require(right), role + " " + right);
                }
            }
        }
    }

    @Test
    void residentRight_isSelfServiceOnly() {
        Caller resident = caller(Account.forResident("resident1", "h", "居民", taoyuan, 42L, NOW), 5L);
        for (Right right : Right.values()) {
            assertEquals(right == Right.SELF_SERVICE, resident.has(right), right.name());
        }
    }

    private Caller residentOf(Community c) {
        return caller(Account.forResident("res", "h", "居民", c, 900L, NOW), 5L);
    }

    @Test
    void asStaff_aResidentCoversNoCommunity_notEvenTheirOwn() {
        Caller resident = residentOf(taoyuan);
        communities.forEach(c -> assertFalse(resident.coversAsStaff(c), c.getCode()));
        NotInScopeException e = assertThrows(NotInScopeException.class, () -> resident.requireCoversAsStaff(taoyuan));
        assertEquals("C001", e.args().get(0));
    }

    @Test
    void asStaff_isTheScopeOfTheAccount_forEveryStaffScope() {
        for (Caller staff : List.of(bureauAdmin(), officerOf(east), socialWorkerOf(taoyuan), gridWorkerOf(taoyuanOne))) {
            communities.forEach(c -> assertEquals(staff.covers(c), staff.coversAsStaff(c), staff.username() + c.getCode()));
        }
        assertTrue(socialWorkerOf(taoyuan).coversAsStaff(taoyuan));
        assertFalse(socialWorkerOf(taoyuan).coversAsStaff(shuiguohu));
        assertThrows(NotInScopeException.class, () -> officerOf(east).requireCoversAsStaff(qingshan));
        assertDoesNotThrow(() -> officerOf(east).requireCoversAsStaff(shuiguohu));
    }

    @Test
    void asResident_aResidentReachesTheirOwnCommunity_andNoOther() {
        Caller resident = residentOf(taoyuan);
        assertTrue(resident.coversAsResident(taoyuan));
        assertFalse(resident.coversAsResident(shuiguohu));
        assertFalse(resident.coversAsResident(qingshan));
        assertDoesNotThrow(() -> resident.requireCoversAsResident(taoyuan));
        NotInScopeException e = assertThrows(NotInScopeException.class, () -> resident.requireCoversAsResident(qingshan));
        assertEquals("C003", e.args().get(0));
    }

    @Test
    void asResident_widensNothingForStaff() {
        for (Caller staff : List.of(bureauAdmin(), officerOf(east), socialWorkerOf(taoyuan), gridWorkerOf(taoyuanOne))) {
            communities.forEach(c -> assertEquals(staff.coversAsStaff(c), staff.coversAsResident(c),
                    staff.username() + c.getCode()));
        }
    }

    @Test
    void person_gridWorkerReachesOnlyPeopleOfOwnCells_communityStaffEveryoneOfTheCommunity() {
        Caller grid = gridWorkerOf(taoyuanOne);
        assertTrue(grid.coversPerson(taoyuanOne));
        assertFalse(grid.coversPerson(taoyuanTwo), "same community, another cell");
        assertFalse(grid.coversPerson(hubin));
        assertTrue(grid.coversAsStaff(taoyuan), "the community itself stays in reach, for figures");
        Caller social = socialWorkerOf(taoyuan);
        assertTrue(social.coversPerson(taoyuanOne));
        assertTrue(social.coversPerson(taoyuanTwo));
        assertFalse(social.coversPerson(hubin));
        assertTrue(officerOf(east).coversPerson(hubin));
        assertFalse(officerOf(east).coversPerson(qingshanOne));
        assertTrue(bureauAdmin().coversPerson(qingshanOne));
        assertFalse(residentOf(taoyuan).coversPerson(taoyuanOne), "a resident reaches no other person by place");
        assertFalse(social.coversPerson(null));
    }

    @Test
    void requirePerson_namesTheCell_withThePersonMessageInsideTheCommunity() {
        NotInScopeException inCommunity = assertThrows(NotInScopeException.class,
                () -> gridWorkerOf(taoyuanOne).requireCoversPerson(taoyuanTwo));
        assertEquals("error.personNotInScope", inCommunity.key());
        assertEquals("C001-G02", inCommunity.args().get(0));
        NotInScopeException elsewhere = assertThrows(NotInScopeException.class,
                () -> gridWorkerOf(taoyuanOne).requireCoversPerson(hubin));
        assertEquals("error.notInScope", elsewhere.key());
        assertEquals("C002-G01", elsewhere.args().get(0));
        assertEquals("error.notInScope", assertThrows(NotInScopeException.class,
                () -> socialWorkerOf(taoyuan).requireCoversPerson(hubin)).key());
        assertDoesNotThrow(() -> gridWorkerOf(taoyuanOne).requireCoversPerson(taoyuanOne));
    }

    @Test
    void personCells_narrowListsForGridWorkersOnly() {
        assertEquals(Set.of(101L, 102L), gridWorkerOf(taoyuanOne, taoyuanTwo).personCells().orElseThrow());
        Caller noCells = new Caller(9L, "grid0", "网格员", Role.GRID_WORKER, ScopeKind.GRID_CELLS, Set.of(), null,
                Set.of(), null);
        assertEquals(Set.of(-1L), noCells.personCells().orElseThrow(), "no cells match nobody");
        assertTrue(socialWorkerOf(taoyuan).personCells().isEmpty());
        assertTrue(officerOf(east).personCells().isEmpty());
        assertTrue(bureauAdmin().personCells().isEmpty());
    }
}
