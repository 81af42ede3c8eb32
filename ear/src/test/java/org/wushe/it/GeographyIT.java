package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.community.application.GeographyService;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/** Administration of sub-districts, communities and grid cells. */
@ExtendWith(ArquillianExtension.class)
class GeographyIT {

    @Inject
    Fixtures fixtures;

    @EJB
    GeographyService geography;

    @Test
    void duplicateCommunityCode_isRefused() {
        Town town = fixtures.town("A");
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(Fixtures.ADMIN,
                () -> geography.createCommunity(town.community("A"), "重复社区", town.subDistrict())));
        assertEquals("code", e.errors().get(0).field());
        assertEquals("geo.code.duplicate", e.errors().get(0).key());
    }

    @Test
    void gridCode_mustStartWithItsCommunityCode() {
        Town town = fixtures.town("A");
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(Fixtures.ADMIN,
                () -> geography.createGridCell("X999-G01", "错网格", town.community("A"))));
        assertEquals("geo.gridCode.prefix", e.errors().get(0).key());
    }

    @Test
    void unknownSubDistrict_isRefusedOnItsField() {
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(Fixtures.ADMIN,
                () -> geography.createCommunity(fixtures.uniquePrefix(), "新社区", "NO-SUCH-SD")));
        assertEquals("subDistrictCode", e.errors().get(0).field());
    }

    @Test
    void onlyTheBureauAdministrator_changesGeography() {
        Town town = fixtures.town("A");
        String secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        assertThrows(NotPermittedException.class, () -> runAs(secretary,
                () -> geography.createGridCell(town.community("A") + "-G09", "九网格", town.community("A"))));
        runAs(Fixtures.ADMIN, () -> geography.renameGridCell(town.grid("A", 1), "幸福网格"));
        assertEquals("幸福网格", runAs(secretary, () -> geography.gridCells(town.community("A"))).get(0).name());
    }
}
