package org.wushe.web.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wushe.security.domain.Role;

class ShellMenuTest {

    @Test
    void everyRole_seesAtMostTenTopLevelEntries_andMyWorkFirst() {
        for (Role role : Role.values()) {
            List<ShellMenu.Group> groups = ShellMenu.groups(role);
            assertTrue(groups.size() <= 10, role + " has " + groups.size() + " top-level entries");
            assertEquals("nav-home", groups.get(0).entries().get(0).id(), role + " starts at my work");
        }
    }

    @Test
    void theSecretary_seesEveryZoneButAdministration_groupedInTheStationsOrder() {
        List<ShellMenu.Zone> zones = ShellMenu.groups(Role.PARTY_SECRETARY).stream().map(ShellMenu.Group::zone).toList();
        assertEquals(List.of(ShellMenu.Zone.HOME, ShellMenu.Zone.COMMUNITY, ShellMenu.Zone.GRID, ShellMenu.Zone.DOCKING,
                ShellMenu.Zone.INCUBATION, ShellMenu.Zone.DELIBERATION, ShellMenu.Zone.TRAINING, ShellMenu.Zone.REPORTS),
                zones);
    }

    @Test
    void theAdministratorsOfSeparatedPowers_seeOnlyTheirOwnPages() {
        assertEquals(Set.of("nav-home", "nav-accounts"), ids(Role.SECURITY_ADMIN));
        assertEquals(Set.of("nav-home", "nav-audit"), ids(Role.AUDIT_ADMIN));
        assertEquals(Set.of("nav-home", "nav-jobs"), ids(Role.IT_OPERATOR));
        assertFalse(ids(Role.SYSTEM_ADMIN).contains("nav-accounts"), "the system administrator manages no accounts");
        assertFalse(ids(Role.SYSTEM_ADMIN).contains("nav-audit"), "nor reads the audit log");
    }

    @Test
    void aResident_seesTheSelfServicePages_andNoStaffList() {
        assertEquals(Set.of("nav-home", "nav-whistle", "nav-opportunities", "nav-services", "nav-deliberation",
                "nav-courses", "nav-myTrainings", "nav-myVolunteering"), ids(Role.RESIDENT));
    }

    @Test
    void idsAndOutcomes_areUnique() {
        Set<String> ids = new HashSet<>();
        Set<String> outcomes = new HashSet<>();
        for (ShellMenu.Entry entry : ShellMenu.entries()) {
            assertTrue(ids.add(entry.id()), "one link per id: " + entry.id());
            assertTrue(outcomes.add(entry.outcome()), "one entry per page: " + entry.outcome());
        }
    }

    @Test
    void aDetailPage_belongsToItsList_andAListPageToItself() {
        assertEquals("nav-needs", ShellMenu.sectionOf("/docking/need.xhtml").id());
        assertTrue(ShellMenu.isDetail("/docking/need.xhtml"));
        assertEquals("nav-needs", ShellMenu.sectionOf("/docking/needs.xhtml").id());
        assertFalse(ShellMenu.isDetail("/docking/needs.xhtml"));
        assertEquals("nav-cases", ShellMenu.sectionOf("/casework/meeting.xhtml").id());
        assertNull(ShellMenu.sectionOf("/account/password.xhtml"));
    }

    private static Set<String> ids(Role role) {
        return ShellMenu.groups(role).stream().flatMap(g -> g.entries().stream()).map(ShellMenu.Entry::id)
                .collect(Collectors.toSet());
    }
}
