package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.application.GeographyService;
import org.wushe.community.application.Place;
import org.wushe.community.application.ResidentFilter;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.community.domain.ResidentData;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * Tenancy in the service layer: a community-A social worker cannot read, list, change or export
 * community-B residents; grid workers reach only their own cells; sub-district officers only their
 * sub-districts.
 */
@ExtendWith(ArquillianExtension.class)
class ResidentScopeIT {

    @Inject
    Fixtures fixtures;

    @EJB
    ResidentService residents;

    @EJB
    GeographyService geography;

    private Town town;
    private String workerA;
    private String workerB;
    private ResidentView inA;
    private ResidentView inB;

    @BeforeEach
    void twoCommunities() {
        town = fixtures.town("A", "B");
        workerA = fixtures.staff(town, "workerA", Role.SOCIAL_WORKER, "A");
        workerB = fixtures.staff(town, "workerB", Role.SOCIAL_WORKER, "B");
        inA = fixtures.resident(workerA, "甲居民", town.community("A"), town.grid("A", 1));
        inB = fixtures.resident(workerB, "乙居民", town.community("B"), town.grid("B", 1));
    }

    @Test
    void list_ofCommunityA_worker_showsOnlyCommunityA() {
        Page<ResidentView> all = runAs(workerA, () -> residents.list(ResidentFilter.none(), PageRequest.of(0, 50)));
        assertEquals(1, all.total());
        assertEquals(inA.id(), all.items().get(0).id());
        Page<ResidentView> filteredToB = runAs(workerA,
                () -> residents.list(ResidentFilter.community(town.community("B")), PageRequest.of(0, 50)));
        assertEquals(0, filteredToB.total(), "a filter naming another community does not widen the scope");
    }

    @Test
    void read_ofCommunityBResident_byCommunityAWorker_isRefused() {
        NotInScopeException e = assertThrows(NotInScopeException.class, () -> runAs(workerA, () -> residents.view(inB.id())));
        assertEquals("error.notInScope", e.key());
        assertEquals(town.grid("B", 1), e.args().get(0));
        assertThrows(NotInScopeException.class, () -> runAs(workerA, () -> residents.history(inB.id())));
        assertThrows(NotInScopeException.class, () -> runAs(workerA, () -> residents.reveal(inB.id(), "家访核对信息")));
    }

    @Test
    void change_ofCommunityBResident_byCommunityAWorker_isRefused() {
        ResidentData data = fixtures.residentData("乙居民改名", town.community("B"), town.grid("B", 1));
        assertThrows(NotInScopeException.class, () -> runAs(workerA, () -> residents.update(inB.id(), 0, data)));
        assertThrows(NotInScopeException.class, () -> runAs(workerA, () -> residents.register(data)),
                "registering into another community's grid is refused too");
        assertEquals("乙居民", runAs(workerB, () -> residents.view(inB.id())).name(), "nothing changed");
    }

    @Test
    void export_byCommunityAWorker_containsNoCommunityBResident() {
        StringWriter all = new StringWriter();
        long rows = runAs(workerA, () -> residents.export(ResidentFilter.none(), all));
        assertEquals(1, rows);
        assertTrue(all.toString().contains("甲居民"));
        assertFalse(all.toString().contains("乙居民"));
        StringWriter onlyB = new StringWriter();
        assertEquals(0, runAs(workerA, () -> residents.export(ResidentFilter.community(town.community("B")), onlyB)));
        assertFalse(onlyB.toString().contains("乙居民"));
    }

    @Test
    void gridWorker_seesOnlyOwnGridCells() {
        fixtures.resident(workerA, "丙居民", town.community("A"), town.grid("A", 2));
        String grid = fixtures.gridWorker(town, "gridA1", Set.of(town.grid("A", 1)));
        Page<ResidentView> page = runAs(grid, () -> residents.list(ResidentFilter.none(), PageRequest.of(0, 50)));
        assertEquals(1, page.total());
        assertEquals("甲居民", page.items().get(0).name());
        ResidentView inOtherCell = runAs(workerA, () -> residents.list(
                new ResidentFilter(null, town.grid("A", 2), null, null), PageRequest.of(0, 5))).items().get(0);
        NotInScopeException refused = assertThrows(NotInScopeException.class,
                () -> runAs(grid, () -> residents.view(inOtherCell.id())));
        assertEquals("error.personNotInScope", refused.key(), "a resident of the worker's community, not of their cells");
        assertEquals(town.grid("A", 2), refused.args().get(0));
        assertEquals("error.notInScope", assertThrows(NotInScopeException.class,
                () -> runAs(grid, () -> residents.view(inB.id()))).key(), "another community stays out of scope");
        assertEquals(2, runAs(workerA, () -> residents.list(ResidentFilter.none(), PageRequest.of(0, 50))).total(),
                "community staff still see both cells");
        assertEquals(1, runAs(grid, () -> geography.gridCells(town.community("A"))).size(),
                "the grid list shows only the worker's own cell");
        assertEquals(List.of(new Place(town.grid("A", 1), runAs(workerA, () -> geography.gridCells(town.community("A")))
                        .get(0).name(), town.community("A"))),
                runAs(grid, () -> geography.gridCellChoices(town.community("A"))), "the pick list too");
        assertEquals(2, runAs(workerA, () -> geography.gridCellChoices(town.community("A"))).size());
        assertThrows(NotInScopeException.class, () -> runAs(grid, () -> geography.gridCellChoices(town.community("B"))));
    }

    @Test
    void pickLists_holdTheCallersScope_withCodesAndNamesOnly() {
        assertEquals(List.of(town.community("A")),
                runAs(workerA, () -> geography.communityChoices()).stream().map(Place::code).toList());
        String officer = fixtures.officer(town, "officer");
        List<Place> both = runAs(officer, () -> geography.communityChoices());
        assertEquals(List.of(town.community("A"), town.community("B")), both.stream().map(Place::code).toList(),
                "by code");
        String subDistrict = runAs(officer, () -> geography.community(town.community("A"))).subDistrictCode();
        assertTrue(both.stream().allMatch(p -> p.parentCode().equals(subDistrict)), "with their sub-district");
        assertTrue(runAs("resident1", () -> geography.communityChoices()).isEmpty(), "a resident chooses none");
    }

    @Test
    void list_pagesByName_andFiltersByCodes_onTheResidentsOwnColumns() {
        fixtures.resident(workerA, "丁居民", town.community("A"), town.grid("A", 2));
        fixtures.resident(workerA, "乙居民二", town.community("A"), town.grid("A", 1));
        List<String> all = runAs(workerA, () -> residents.list(ResidentFilter.none(), PageRequest.of(0, 50)))
                .items().stream().map(ResidentView::name).toList();
        assertEquals(all.stream().sorted().toList(), all, "ordered by name");
        Page<ResidentView> second = runAs(workerA, () -> residents.list(ResidentFilter.none(), PageRequest.of(2, 2)));
        assertEquals(3, second.total(), "the count holds on every page");
        assertEquals(List.of(all.get(2)), second.items().stream().map(ResidentView::name).toList());
        assertEquals(List.of("丁居民"), runAs(workerA, () -> residents.list(
                new ResidentFilter(null, town.grid("A", 2), null, null), PageRequest.of(0, 10)))
                .items().stream().map(ResidentView::name).toList(), "a grid cell's code");
        assertEquals(0, runAs(workerA, () -> residents.list(
                new ResidentFilter(null, "NO-SUCH-CELL", null, null), PageRequest.of(0, 10))).total(),
                "an unknown grid cell: nothing");
        assertEquals(0, runAs(workerA, () -> residents.list(
                ResidentFilter.community("NOSUCH"), PageRequest.of(0, 10))).total(), "an unknown community: nothing");
        assertEquals(3, runAs(workerA, () -> residents.list(
                ResidentFilter.community(town.community("A").toLowerCase()), PageRequest.of(0, 10))).total(),
                "its own community's code, in any case");
    }

    @Test
    void export_neutralisesAFormulaInAName_andKeepsNumbersAsNumbers() throws Exception {
        String formula = "=HYPERLINK(\"http://example.invalid\",\"点我\")";
        fixtures.resident(workerA, formula, town.community("A"), town.grid("A", 2));
        fixtures.resident(workerA, "@SUM(1+1)", town.community("A"), town.grid("A", 2));
        StringWriter out = new StringWriter();
        assertEquals(3, runAs(workerA, () -> residents.export(ResidentFilter.none(), out)));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(out.toString()))
                .getRecords();
        Map<String, CSVRecord> byName = rows.stream().filter(r -> !r.get("name").equals("甲居民"))
                .collect(Collectors.toMap(r -> r.get("name"), r -> r));
        assertEquals(Set.of("'" + formula, "'@SUM(1+1)"), byName.keySet(), "the cell starts with a single quote");
        CSVRecord plain = rows.stream().filter(r -> r.get("name").equals("甲居民")).findFirst().orElseThrow();
        assertTrue(plain.get("age_band").matches("\\d+(–\\d+|\\+)"),
                "the age band stays as written, no quote: " + plain.get("age_band"));
    }

    @Test
    void subDistrictOfficer_seesBothCommunities_butNotOtherSubDistricts() {
        String officer = fixtures.officer(town, "officer");
        Page<ResidentView> page = runAs(officer, () -> residents.list(ResidentFilter.none(), PageRequest.of(0, 50)));
        assertEquals(2, page.total());
        assertEquals(2, runAs(officer, () -> geography.communities(null, PageRequest.of(0, 50))).total());
        assertThrows(NotInScopeException.class, () -> runAs(officer, () -> geography.community("C001")));
        assertThrows(NotPermittedException.class, () -> runAs(officer, () -> residents.export(ResidentFilter.none(),
                new StringWriter())), "sub-district officers oversee figures; they do not export residents");
    }

    @Test
    void cityWideList_withoutCommunity_isRefused_withACommunityItIsMasked() {
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(Fixtures.ADMIN,
                () -> residents.list(ResidentFilter.none(), PageRequest.of(0, 10))));
        assertEquals("resident.filter.communityRequired", e.errors().get(0).key());
        Page<ResidentView> page = runAs(Fixtures.ADMIN,
                () -> residents.list(ResidentFilter.community(town.community("B")), PageRequest.of(0, 10)));
        assertEquals(1, page.total());
        assertTrue(page.items().get(0).idNumber().contains("********"));
    }

    @Test
    void resident_account_cannotListResidents() {
        assertThrows(NotPermittedException.class, () -> runAs("resident1",
                () -> residents.list(ResidentFilter.none(), PageRequest.of(0, 10))));
    }
}
