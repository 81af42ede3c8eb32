package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.audit.domain.AuditOutcome;
import org.wushe.casework.application.CaseworkSettings;
import org.wushe.community.application.GeographyService;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.deliberation.application.MeetingService;
import org.wushe.docking.application.NeedCategories;
import org.wushe.fund.application.FundSettings;
import org.wushe.imports.domain.ImportKind;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.jobs.application.Jobs;
import org.wushe.organisation.application.OrganisationSettingsService;
import org.wushe.organisation.application.OrganisationViews.ChecklistItemView;
import org.wushe.points.application.PointsService;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.PageRequest;

/**
 * Every audited action writes its entry with who, when, from where, what, which record and the
 * outcome: settings and rules, geography, the operator's jobs and imports, and refusals of services
 * for want of a right or of scope in several zones (in a transaction of their own).
 */
@ExtendWith(ArquillianExtension.class)
class AuditCoverageIT {

    @Inject
    Fixtures fixtures;

    @EJB
    AuditLog audit;

    @EJB
    GeographyService geography;

    @EJB
    PointsService points;

    @EJB
    FundSettings fund;

    @EJB
    NeedCategories needs;

    @EJB
    CaseworkSettings casework;

    @EJB
    OrganisationSettingsService organisations;

    @EJB
    MeetingService deliberation;

    @EJB
    ResidentService residents;

    @EJB
    Jobs jobs;

    private Town town;
    private Instant started;

    @BeforeEach
    void aTown() {
        started = Instant.now().minusSeconds(1);
        town = fixtures.town("A", "B");
    }

    /** The newest entries of the actor and action, with their outcome. */
    private List<AuditEntry> entries(String actor, AuditAction action, String recordType, AuditOutcome outcome) {
        return runAs(Fixtures.AUDITOR, () -> audit.search(new AuditQuery(actor, action, recordType, null, null, null,
                outcome), PageRequest.of(0, 50))).items();
    }

    /** The newest entry of the actor, action and record type whose detail contains the text; checks who, when, where, outcome. */
    private AuditEntry entry(String actor, AuditAction action, String recordType, String detailPart, AuditOutcome outcome,
                             Role role) {
        AuditEntry e = entries(actor, action, recordType, outcome).stream()
                .filter(x -> x.getDetail() != null && x.getDetail().contains(detailPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " " + recordType + " entry of " + actor
                        + " with '" + detailPart + "'"));
        assertEquals(role.name(), e.getActorRole());
        assertTrue(!e.getOccurredAt().isBefore(started) && e.getOccurredAt().isBefore(Instant.now().plusSeconds(5)),
                "when: " + e.getOccurredAt());
        assertNotNull(e.getClientAddress(), "from where");
        assertEquals(outcome, e.getOutcome());
        assertNotNull(e.getChainSeq(), "a link of the chain");
        return e;
    }

    @Test
    void geographyChanges_areAudited_withTheRecord() {
        var community = runAs(Fixtures.ADMIN, () -> geography.community(town.community("A")));
        runAs(Fixtures.ADMIN, () -> geography.renameGridCell(town.grid("A", 1), "东一网格"));
        runAs(Fixtures.ADMIN, () -> geography.updateCommunity(town.community("B"), "新名社区", null));

        AuditEntry sub = entry(Fixtures.ADMIN, AuditAction.GEOGRAPHY_CHANGED, "sub_district", "created " + town.subDistrict(),
                AuditOutcome.DONE, Role.SYSTEM_ADMIN);
        assertNotNull(sub.getRecordId());
        AuditEntry created = entry(Fixtures.ADMIN, AuditAction.GEOGRAPHY_CHANGED, "community",
                "created " + town.community("A"), AuditOutcome.DONE, Role.SYSTEM_ADMIN);
        assertEquals(community.id(), created.getRecordId());
        assertEquals(community.id(), created.getCommunityId());
        entry(Fixtures.ADMIN, AuditAction.GEOGRAPHY_CHANGED, "grid_cell", "created " + town.grid("A", 2),
                AuditOutcome.DONE, Role.SYSTEM_ADMIN);
        entry(Fixtures.ADMIN, AuditAction.GEOGRAPHY_CHANGED, "grid_cell", "renamed " + town.grid("A", 1) + ": 一网格 -> 东一网格",
                AuditOutcome.DONE, Role.SYSTEM_ADMIN);
        entry(Fixtures.ADMIN, AuditAction.GEOGRAPHY_CHANGED, "community", "changed " + town.community("B"),
                AuditOutcome.DONE, Role.SYSTEM_ADMIN);
    }

    @Test
    void settingsAndRules_areAudited() {
        String code = "AUDIT_" + town.prefix();
        runAs(Fixtures.ADMIN, () -> points.setRule(code, 7));
        entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "point_rule", "point rule " + code + ": new -> 7",
                AuditOutcome.DONE, Role.SYSTEM_ADMIN);

        runAs(Fixtures.ADMIN, () -> fund.setApprovalThreshold(town.community("A"), 123_400L));
        AuditEntry threshold = entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "fund_setting",
                "approval threshold of " + town.community("A") + ": 123400 fen", AuditOutcome.DONE, Role.SYSTEM_ADMIN);
        assertEquals(threshold.getCommunityId(), threshold.getRecordId());
        String category = runAs(Fixtures.ADMIN, () -> fund.categories(false)).get(0).getCode();
        runAs(Fixtures.ADMIN, () -> fund.setLimit(2099, category, "MAX", 2500, "SOFT"));
        runAs(Fixtures.ADMIN, () -> fund.setLimit(2099, category, "MAX", null, null));
        entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "fund_limit", "fund limit 2099 " + category + " MAX: 2500 bp",
                AuditOutcome.DONE, Role.SYSTEM_ADMIN);
        entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "fund_limit", "fund limit 2099 " + category + " MAX: removed",
                AuditOutcome.DONE, Role.SYSTEM_ADMIN);
        runAs(Fixtures.ADMIN, () -> fund.saveCategory("A" + town.prefix(), "审计测试", "Audit test", "OTHER", 990, false));
        entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "fund_category", "fund category A" + town.prefix(),
                AuditOutcome.DONE, Role.SYSTEM_ADMIN);

        runAs(Fixtures.ADMIN, () -> needs.saveCategory("N" + town.prefix(), "审计测试", "Audit test", 990, false));
        entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "need_category", "need category N" + town.prefix(),
                AuditOutcome.DONE, Role.SYSTEM_ADMIN);

        runAs(Fixtures.ADMIN, () -> casework.save(town.community("A"), 12, 48, 120, 60));
        entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "casework_setting", "casework deadlines of "
                + town.community("A") + ": high 12 h", AuditOutcome.DONE, Role.SYSTEM_ADMIN);
        runAs(Fixtures.ADMIN, () -> casework.saveDepartment("D" + town.prefix(), "审计测试", "Audit test", 990, false));
        entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "joint_department", "department D" + town.prefix(),
                AuditOutcome.DONE, Role.SYSTEM_ADMIN);

        ChecklistItemView item = runAs(Fixtures.ADMIN, () -> organisations.addChecklistItem("GROWING",
                org.wushe.organisation.domain.SupportKind.values()[0].name(), "审计测试清单项 " + town.prefix(), 9_990));
        runAs(Fixtures.ADMIN, () -> organisations.retireChecklistItem(item.id()));
        assertEquals(item.id(), entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "checklist_item",
                "added", AuditOutcome.DONE, Role.SYSTEM_ADMIN).getRecordId());
        entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "checklist_item", "retired \"审计测试清单项 " + town.prefix(),
                AuditOutcome.DONE, Role.SYSTEM_ADMIN);
        var growing = runAs(Fixtures.ADMIN, () -> organisations.thresholds()).get(0);
        runAs(Fixtures.ADMIN, () -> organisations.setThresholds("GROWING", new OrganisationSettingsService.ThresholdForm(
                growing.minActivities(), growing.minMembers(), growing.minSelfSharePercent(),
                java.math.BigDecimal.valueOf(growing.minSatisfactionTenths(), 1), growing.minYears())));
        entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "tier_threshold", "tier GROWING thresholds: activities "
                + growing.minActivities(), AuditOutcome.DONE, Role.SYSTEM_ADMIN);

        runAs(Fixtures.ADMIN, () -> deliberation.setRules(town.community("A"), 2, 3, 1, 2, 6));
        entry(Fixtures.ADMIN, AuditAction.SETTING_CHANGED, "vote_rule", "vote rules of " + town.community("A")
                + ": quorum 2/3, majority 1/2", AuditOutcome.DONE, Role.SYSTEM_ADMIN);
    }

    @Test
    void theOperatorsJobsAndImports_areAudited_withTheFileAndKind() throws Exception {
        String operator = fixtures.operator(town, "operator");
        long id = runAs(operator, () -> jobs.start("inbox-purge", Map.of()));
        AuditEntry start = entry(operator, AuditAction.JOB_OPERATED, "job_execution", "started inbox-purge",
                AuditOutcome.DONE, Role.IT_OPERATOR);
        assertEquals(id, start.getRecordId());

        byte[] csv = String.join(",", ImportKind.GRIDS.header()).concat("\n").getBytes(StandardCharsets.UTF_8);
        long upload = runAs(operator, () -> jobs.importUpload(ImportKind.GRIDS, "audit-test.csv",
                new ByteArrayInputStream(csv), "UTF-8"));
        AuditEntry imported = entry(operator, AuditAction.JOB_OPERATED, "job_execution", "started grids-import",
                AuditOutcome.DONE, Role.IT_OPERATOR);
        assertEquals(upload, imported.getRecordId());
        assertTrue(imported.getDetail().contains("audit-test.csv"), imported.getDetail());
        waitUntilEnded(operator, upload);
    }

    private void waitUntilEnded(String operator, long id) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            String status = runAs(operator, () -> jobs.execution(id)).status();
            if (!status.startsWith("START") && !status.equals("STOPPING")) {
                return;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void refusalsForWantOfRightOrScope_areAudited_inEveryZone_evenThoughTheActionRollsBack() {
        String worker = fixtures.staff(town, "worker", Role.SOCIAL_WORKER, "A");
        String otherWorker = fixtures.staff(town, "other", Role.SOCIAL_WORKER, "B");
        ResidentView resident = fixtures.resident(worker, "张桂兰", town.community("A"), town.grid("A", 1));

        assertThrows(NotPermittedException.class, () -> runAs(Fixtures.ADMIN,
                () -> residents.reveal(resident.id(), "想看看")));
        AuditEntry right = entry(Fixtures.ADMIN, AuditAction.ACCESS_REFUSED, "ResidentService",
                "ResidentService.reveal: error.notPermitted", AuditOutcome.REFUSED, Role.SYSTEM_ADMIN);
        assertEquals(resident.id(), right.getRecordId());

        assertThrows(NotInScopeException.class, () -> runAs(otherWorker, () -> residents.view(resident.id())));
        entry(otherWorker, AuditAction.ACCESS_REFUSED, "ResidentService", "ResidentService.view: error.notInScope",
                AuditOutcome.REFUSED, Role.SOCIAL_WORKER);

        assertThrows(NotPermittedException.class, () -> runAs(worker, () -> fund.setApprovalThreshold(null, 1L)));
        entry(worker, AuditAction.ACCESS_REFUSED, "FundSettings", "FundSettings.setApprovalThreshold: error.notPermitted",
                AuditOutcome.REFUSED, Role.SOCIAL_WORKER);

        assertThrows(NotPermittedException.class, () -> runAs(worker, () -> jobs.jobs()));
        entry(worker, AuditAction.ACCESS_REFUSED, "JobConsole", "JobConsole.jobs: error.notPermitted",
                AuditOutcome.REFUSED, Role.SOCIAL_WORKER);

        assertThrows(NotPermittedException.class, () -> runAs(Fixtures.SECURITY,
                () -> audit.search(AuditQuery.all(), PageRequest.of(0, 1))));
        entry(Fixtures.SECURITY, AuditAction.ACCESS_REFUSED, "AuditLog", "AuditLog.search: error.notPermitted",
                AuditOutcome.REFUSED, Role.SECURITY_ADMIN);

        assertEquals(1, entries(worker, AuditAction.ACCESS_REFUSED, "JobConsole", AuditOutcome.REFUSED).size(),
                "one entry per refusal, however many beans it passes");
    }
}
