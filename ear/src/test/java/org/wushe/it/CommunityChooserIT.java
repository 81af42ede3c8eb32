package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.application.CommunityPlace;
import org.wushe.community.application.GeographyService;
import org.wushe.it.support.CrowdedCity;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotInScopeException;

/**
 * The community chooser's service side in a city with more communities than a page of choices
 * holds ({@link CrowdedCity}): search by code prefix or part of the name within the caller's scope,
 * the count of the scope, and the look-up of one community for a page's title.
 */
@ExtendWith(ArquillianExtension.class)
class CommunityChooserIT {

    @Inject
    Fixtures fixtures;

    @EJB
    CrowdedCity crowd;

    @EJB
    GeographyService geography;

    @BeforeEach
    void crowd() {
        crowd.ensure();
    }

    @AfterEach
    void uncrowd() {
        crowd.remove();
    }

    private static List<String> codes(List<CommunityPlace> places) {
        return places.stream().map(CommunityPlace::code).toList();
    }

    @Test
    void cityWide_findsACommunityPastThe200th_byCodeAndByPartOfItsName() {
        long all = runAs(Fixtures.ADMIN, () -> geography.communityCount());
        assertTrue(all > 200 + 4, "the crowd and the demo city: " + all);
        assertTrue(runAs(Fixtures.ADMIN, () -> geography.communityChoices()).stream()
                .noneMatch(p -> p.code().equals(CrowdedCity.FAR)), "past what the select menu's list holds");

        List<CommunityPlace> byCode = runAs(Fixtures.ADMIN, () -> geography.communitySearch(CrowdedCity.FAR, 20));
        assertEquals(List.of(CrowdedCity.FAR), codes(byCode));
        CommunityPlace far = byCode.get(0);
        assertEquals(CrowdedCity.FAR_NAME, far.name());
        assertEquals(CrowdedCity.SUB_DISTRICT, far.subDistrictCode());
        assertEquals("拥挤街道", far.subDistrictName());

        assertEquals(List.of(CrowdedCity.FAR),
                codes(runAs(Fixtures.ADMIN, () -> geography.communitySearch(CrowdedCity.FAR_PART, 20))), "by part of the name");
        assertEquals(List.of(CrowdedCity.FAR),
                codes(runAs(Fixtures.ADMIN, () -> geography.communitySearch(" " + CrowdedCity.FAR.toLowerCase() + " ", 20))),
                "a code in lower case, with spaces around");

        List<CommunityPlace> prefix = runAs(Fixtures.ADMIN, () -> geography.communitySearch("ZC02", 20));
        assertEquals(20, prefix.size(), "at most max");
        assertTrue(prefix.stream().allMatch(p -> p.code().startsWith("ZC02")), "by code prefix: " + codes(prefix));
        assertEquals(prefix.stream().sorted(Comparator.comparing(CommunityPlace::code)).toList(), prefix, "by code");

        List<CommunityPlace> first = runAs(Fixtures.ADMIN, () -> geography.communitySearch("  ", 5));
        assertEquals(5, first.size(), "blank: the first by code");
        assertEquals(first.stream().sorted(Comparator.comparing(CommunityPlace::code)).toList(), first);
        assertEquals(GeographyService.SEARCH_MAX,
                runAs(Fixtures.ADMIN, () -> geography.communitySearch("ZC", 100_000)).size(), "max is capped");
        assertEquals(1, runAs(Fixtures.ADMIN, () -> geography.communitySearch("ZC", 0)).size(), "at least one");

        CommunityPlace looked = runAs(Fixtures.ADMIN, () -> geography.communityPlace(CrowdedCity.FAR));
        assertEquals(far, looked, "the title's look-up");
    }

    @Test
    void wildcards_inTheText_matchThemselves() {
        assertEquals(List.of(CrowdedCity.PERCENT),
                codes(runAs(Fixtures.ADMIN, () -> geography.communitySearch("分%", 20))), "% is a percent sign");
        assertEquals(List.of(CrowdedCity.PERCENT_WILDCARD_MATCH),
                codes(runAs(Fixtures.ADMIN, () -> geography.communitySearch("分比", 20))), "the other is found by its own name");
        assertEquals(List.of(CrowdedCity.UNDERSCORE),
                codes(runAs(Fixtures.ADMIN, () -> geography.communitySearch("划_线", 20))), "_ is an underscore");
        assertEquals(List.of(), runAs(Fixtures.ADMIN, () -> geography.communitySearch("Z_0217", 20)),
                "no wildcard in a code prefix either");
        assertEquals(List.of(CrowdedCity.PERCENT),
                codes(runAs(Fixtures.ADMIN, () -> geography.communitySearch("%", 20))), "a lone % finds the name with one");
    }

    @Test
    void subDistrictOfficer_findsOnlyTheirSubDistrictsCommunities() {
        Town town = fixtures.town("A", "B");
        String officer = fixtures.officer(town, "officer");
        assertEquals(2, runAs(officer, () -> geography.communityCount()));
        assertEquals(List.of(town.community("A"), town.community("B")),
                codes(runAs(officer, () -> geography.communitySearch("", 20))), "blank: their communities");
        assertEquals(List.of(town.community("A"), town.community("B")),
                codes(runAs(officer, () -> geography.communitySearch("社区", 20))),
                "a name part every community has finds theirs only");
        assertEquals(List.of(), runAs(officer, () -> geography.communitySearch(CrowdedCity.FAR_PART, 20)));
        assertEquals(List.of(), runAs(officer, () -> geography.communitySearch("ZC", 20)));
        assertEquals(List.of(), runAs(officer, () -> geography.communitySearch("C00", 20)), "not the demo city's");
        assertThrows(NotInScopeException.class, () -> runAs(officer, () -> geography.communityPlace(CrowdedCity.FAR)));
        assertEquals(town.community("B"), runAs(officer, () -> geography.communityPlace(town.community("B"))).code());
    }

    @Test
    void communityStaff_countOne_andTheLookUpRefusesAnotherCommunity() {
        Town town = fixtures.town("A", "B");
        String worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        assertEquals(1, runAs(worker, () -> geography.communityCount()));
        assertEquals(List.of(town.community("A")), codes(runAs(worker, () -> geography.communitySearch("", 20))));
        assertEquals(List.of(), runAs(worker, () -> geography.communitySearch(town.community("B"), 20)));
        assertEquals(town.community("A"), runAs(worker, () -> geography.communityPlace(town.community("A"))).code());
        assertThrows(NotInScopeException.class, () -> runAs(worker, () -> geography.communityPlace(town.community("B"))));
        assertThrows(NotInScopeException.class, () -> runAs(worker, () -> geography.communityPlace(CrowdedCity.FAR)));
        assertEquals(0, runAs("resident1", () -> geography.communityCount()), "a resident chooses none");
        assertEquals(List.of(), runAs("resident1", () -> geography.communitySearch("", 20)));
    }
}
