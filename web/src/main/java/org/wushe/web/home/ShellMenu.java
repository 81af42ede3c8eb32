package org.wushe.web.home;

import static org.wushe.security.domain.Right.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;

/**
 * The shell's menu: every page of the workstation a role reaches from the menu, grouped by the
 * zones of the station (my work, community and people, grid and casework, the four zones of the
 * seeds, reports, administration). An entry shows for a role that holds any of its rights (an entry
 * without rights shows for everyone); a zone with one entry for a role is shown as that entry
 * alone, so no role has more than ten top-level entries. Detail pages are reached from their list
 * and name it as their parent (the breadcrumbs and the marked menu entry).
 */
public final class ShellMenu {

    /** The top-level groups, in the order of the menu bar; the label key is {@code shell.zone.<name>}. */
    public enum Zone {
        HOME, COMMUNITY, GRID, DOCKING, INCUBATION, DELIBERATION, TRAINING, REPORTS, ADMINISTRATION;

        public String labelKey() {
            return "shell.zone." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One page of the menu.
     *
     * @param id the element id of its link ({@code nav-...}), stable for tests and bookmarks of help texts
     * @param outcome the view, e.g. {@code /docking/needs}
     * @param rights the rights any of which shows it; empty for every signed-in account
     */
    public record Entry(Zone zone, String id, String outcome, String labelKey, Set<Right> rights) {

        public boolean visibleTo(Role role) {
            return rights.isEmpty() || rights.stream().anyMatch(role::has);
        }
    }

    /** A top-level entry of one role's menu: a zone with its entries, or a single entry. */
    public record Group(Zone zone, List<Entry> entries) {

        public boolean single() {
            return entries.size() == 1;
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            e(Zone.HOME, "nav-home", "/index", "shell.menu.home"),
            e(Zone.COMMUNITY, "nav-residents", "/residents/list", "nav.residents", VIEW_RESIDENTS),
            e(Zone.COMMUNITY, "nav-whistle", "/volunteering/whistle", "nav.whistle", POST_WHISTLE, SELF_SERVICE),
            e(Zone.GRID, "nav-patrols", "/casework/patrols", "casework.nav.patrols", VIEW_GRID_WORK),
            e(Zone.GRID, "nav-referrals", "/casework/referrals", "casework.nav.referrals", VIEW_GRID_WORK),
            e(Zone.GRID, "nav-cases", "/casework/cases", "casework.nav.cases", RUN_CASEWORK, VIEW_CASEWORK_FIGURES),
            e(Zone.GRID, "nav-caseBoard", "/casework/board", "casework.nav.board", VIEW_CASEWORK_FIGURES),
            e(Zone.GRID, "nav-indices", "/casework/indices", "casework.nav.indices", VIEW_CASEWORK_FIGURES),
            e(Zone.DOCKING, "nav-needs", "/docking/needs", "nav.needs", VIEW_DOCKING),
            e(Zone.DOCKING, "nav-resources", "/docking/resources", "nav.resources", VIEW_DOCKING),
            e(Zone.DOCKING, "nav-opportunities", "/docking/opportunities", "nav.opportunities", VIEW_DOCKING, SELF_SERVICE),
            e(Zone.DOCKING, "nav-circle", "/docking/circle", "nav.circle", VIEW_DOCKING),
            e(Zone.DOCKING, "nav-services", "/docking/services", "nav.services", VIEW_DOCKING, SELF_SERVICE),
            e(Zone.DOCKING, "nav-inspections", "/docking/inspections", "nav.inspections", VIEW_DOCKING),
            e(Zone.INCUBATION, "nav-fund", "/fund/overview", "nav.fund", VIEW_FUND),
            e(Zone.INCUBATION, "nav-fundDonations", "/fund/donations", "nav.fundDonations", VIEW_FUND),
            e(Zone.INCUBATION, "nav-fundLedger", "/fund/ledger", "nav.fundLedger", VIEW_FUND),
            e(Zone.INCUBATION, "nav-fundProjects", "/fund/projects", "nav.fundProjects", VIEW_FUND),
            e(Zone.INCUBATION, "nav-fundShares", "/fund/shares", "nav.fundShares", VIEW_FUND),
            e(Zone.INCUBATION, "nav-fundConfig", "/fund/config", "nav.fundConfig", CONFIGURE_FUND),
            e(Zone.INCUBATION, "nav-organisations", "/organisations/list", "organisation.nav.list", VIEW_ORGANISATIONS),
            e(Zone.INCUBATION, "nav-organisationTiers", "/organisations/overview", "organisation.nav.overview",
                    VIEW_ORGANISATIONS),
            e(Zone.INCUBATION, "nav-organisationSettings", "/organisations/settings", "organisation.nav.settings",
                    CONFIGURE_ORGANISATIONS),
            e(Zone.DELIBERATION, "nav-deliberation", "/deliberation/issues", "deliberation.nav.issues",
                    VIEW_DELIBERATION, SELF_SERVICE),
            e(Zone.DELIBERATION, "nav-meetings", "/deliberation/meetings", "deliberation.nav.meetings", VIEW_DELIBERATION),
            e(Zone.DELIBERATION, "nav-reviews", "/deliberation/reviews", "deliberation.nav.reviews", VIEW_DELIBERATION),
            e(Zone.TRAINING, "nav-courses", "/training/courses", "nav.courses", VIEW_RESIDENTS, SELF_SERVICE),
            e(Zone.TRAINING, "nav-myTrainings", "/training/my", "nav.myTrainings", SELF_SERVICE),
            e(Zone.TRAINING, "nav-ladder", "/training/ladder", "nav.ladder", VIEW_RESIDENTS),
            e(Zone.TRAINING, "nav-myVolunteering", "/volunteering/my", "nav.myVolunteering", SELF_SERVICE),
            e(Zone.TRAINING, "nav-positions", "/volunteering/positions", "nav.positions", MANAGE_VOLUNTEERING),
            e(Zone.TRAINING, "nav-queue", "/volunteering/queue", "nav.queue", VERIFY_HOURS),
            e(Zone.REPORTS, "nav-assessment", "/assessment/dashboard", "nav.assessment", VIEW_ASSESSMENT),
            e(Zone.ADMINISTRATION, "nav-geography", "/admin/geography", "nav.geography", ADMINISTER_GEOGRAPHY),
            e(Zone.ADMINISTRATION, "nav-categories", "/admin/categories", "nav.needCategories", CONFIGURE_NEED_CATEGORIES),
            e(Zone.ADMINISTRATION, "nav-pointRules", "/admin/points", "nav.pointRules", MANAGE_POINT_RULES),
            e(Zone.ADMINISTRATION, "nav-accounts", "/security/accounts", "nav.accounts", ADMINISTER_ACCOUNTS),
            e(Zone.ADMINISTRATION, "nav-audit", "/audit/log", "nav.audit", VIEW_AUDIT_LOG),
            e(Zone.ADMINISTRATION, "nav-jobs", "/operator/jobs", "nav.jobs", OPERATE_JOBS));

    /** Detail pages and the list they are opened from. */
    private static final Map<String, String> PARENTS = Map.ofEntries(
            Map.entry("/residents/view", "/residents/list"),
            Map.entry("/residents/edit", "/residents/list"),
            Map.entry("/docking/need", "/docking/needs"),
            Map.entry("/docking/match", "/docking/needs"),
            Map.entry("/casework/case", "/casework/cases"),
            Map.entry("/casework/meeting", "/casework/cases"),
            Map.entry("/deliberation/issue", "/deliberation/issues"),
            Map.entry("/fund/project", "/fund/projects"),
            Map.entry("/organisations/organisation", "/organisations/list"),
            Map.entry("/training/session", "/training/courses"));

    private ShellMenu() {
    }

    private static Entry e(Zone zone, String id, String outcome, String labelKey, Right... rights) {
        Set<Right> set = rights.length == 0 ? EnumSet.noneOf(Right.class) : EnumSet.of(rights[0], rights);
        return new Entry(zone, id, outcome, labelKey, Set.copyOf(set));
    }

    /** Every entry of the menu, for every role. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The role's menu: its zones in order, each with the entries the role sees; empty zones left out. */
    public static List<Group> groups(Role role) {
        Map<Zone, List<Entry>> byZone = new LinkedHashMap<>();
        for (Entry entry : ENTRIES) {
            if (entry.visibleTo(role)) {
                byZone.computeIfAbsent(entry.zone(), z -> new ArrayList<>()).add(entry);
            }
        }
        List<Group> groups = new ArrayList<>();
        byZone.forEach((zone, entries) -> groups.add(new Group(zone, List.copyOf(entries))));
        return groups;
    }

    /**
     * The view without its suffix ({@code /docking/need.xhtml} becomes {@code /docking/need}).
     */
    public static String outcomeOf(String viewId) {
        if (viewId == null) {
            return "";
        }
        int dot = viewId.lastIndexOf('.');
        return dot > viewId.lastIndexOf('/') ? viewId.substring(0, dot) : viewId;
    }

    /** The menu entry a view belongs to: its own, or its list's for a detail page; null for none. */
    public static Entry sectionOf(String viewId) {
        String outcome = outcomeOf(viewId);
        String list = PARENTS.getOrDefault(outcome, outcome);
        return ENTRIES.stream().filter(e -> e.outcome().equals(list)).findFirst().orElse(null);
    }

    /** Whether the view is a detail page opened from a list (it carries breadcrumbs). */
    public static boolean isDetail(String viewId) {
        return PARENTS.containsKey(outcomeOf(viewId));
    }
}
