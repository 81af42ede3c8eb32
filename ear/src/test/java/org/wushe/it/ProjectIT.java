package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.FundFixtures.JPEG;
import static org.wushe.it.support.FundFixtures.PNG;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.docking.application.NeedForm;
import org.wushe.docking.application.NeedWorkflow;
import org.wushe.fund.application.FundViews.Upload;
import org.wushe.fund.application.ProjectQueries;
import org.wushe.fund.application.ProjectService;
import org.wushe.fund.application.ProjectViews.EvaluationForm;
import org.wushe.fund.application.ProjectViews.MilestoneForm;
import org.wushe.fund.application.ProjectViews.ProjectForm;
import org.wushe.fund.application.ProjectViews.ProjectView;
import org.wushe.fund.domain.Progress;
import org.wushe.fund.domain.Project;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * Projects on the server: the lifecycle step by step, each by the right role, with its history;
 * progress photos refused by type, size and number; the needs-oriented evaluation; scope.
 */
@ExtendWith(ArquillianExtension.class)
class ProjectIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;

    @EJB
    ProjectService projects;

    @EJB
    ProjectQueries projectQueries;

    @EJB
    NeedWorkflow needWorkflow;

    private Town town;
    private String community;
    private String social;
    private String secretary;
    private String cadre;
    private String otherSocial;

    @BeforeEach
    void town() {
        TestClock.reset();
        town = fixtures.town("A", "B");
        community = town.community("A");
        social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        otherSocial = fixtures.staff(town, "socialb", Role.SOCIAL_WORKER, "B");
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    private Long need(String title) {
        return runAs(social, () -> needWorkflow.register(new NeedForm(town.grid("A", 1), null, "ELDERLY_CARE", "HIGH",
                "HOME_VISIT", title, "楼道无扶手，老人下楼困难"))).getId();
    }

    private Project design(List<Long> needIds) {
        return runAs(social, () -> projects.design(new ProjectForm(community, "楼道扶手", "为独居老人安装楼道扶手", 12,
                "独居老人", LocalDate.now(clock), LocalDate.now(clock).plusMonths(3),
                Map.of("ELDER_RENOVATION", 2_000_000L), needIds, List.of(new MilestoneForm("入户评估",
                        LocalDate.now(clock).plusDays(10))))));
    }

    private String stage(Long id) {
        return runAs(social, () -> projectQueries.project(id)).stage();
    }

    @Test
    void lifecycle_eachStepByTheRightRole_withItsHistory() {
        Project p = design(List.of());
        assertEquals("PROPOSAL", stage(p.getId()));
        // A cadre neither designs nor submits; a social worker does not approve.
        assertThrows(NotPermittedException.class, () -> runAs(cadre, () -> projects.step(p.getId(), "submit", null)));
        runAs(social, () -> projects.step(p.getId(), "submit", null));
        assertThrows(NotPermittedException.class, () -> runAs(social, () -> projects.step(p.getId(), "approve", null)));
        ValidationException noNote = assertThrows(ValidationException.class,
                () -> runAs(secretary, () -> projects.step(p.getId(), "return", null)));
        assertEquals("note", noNote.errors().get(0).field());
        runAs(secretary, () -> projects.step(p.getId(), "return", "预算请细化到户"));
        assertEquals("PROPOSAL", stage(p.getId()));
        runAs(social, () -> projects.step(p.getId(), "submit", null));
        runAs(secretary, () -> projects.step(p.getId(), "approve", null));
        ConflictException early = assertThrows(ConflictException.class,
                () -> runAs(social, () -> projects.step(p.getId(), "complete", null)));
        assertEquals("project.transition", early.key());
        runAs(social, () -> projects.step(p.getId(), "start", null));
        runAs(social, () -> projects.step(p.getId(), "complete", null));
        ProjectView v = runAs(social, () -> projectQueries.project(p.getId()));
        assertEquals("COMPLETED", v.stage());
        assertEquals(List.of("PROPOSAL", "REVIEW", "PROPOSAL", "REVIEW", "APPROVED", "RUNNING", "COMPLETED"),
                v.steps().stream().map(s -> s.toStage()).toList());
        assertEquals(secretary, v.steps().get(4).actor());
        assertEquals("预算请细化到户", v.steps().get(2).note());
        assertEquals(2_000_000L, v.plannedFen());
        assertEquals(1, v.milestones().size());
    }

    @Test
    void progressPhotos_refusedByType_size_andNumber() {
        Project p = design(List.of());
        runAs(social, () -> projects.step(p.getId(), "submit", null));
        runAs(secretary, () -> projects.step(p.getId(), "approve", null));
        runAs(social, () -> projects.step(p.getId(), "start", null));
        byte[] pdf = "%PDF-1.4".getBytes();
        ValidationException notImage = assertThrows(ValidationException.class, () -> runAs(social,
                () -> projects.reportProgress(p.getId(), "安装完成", List.of(new Upload("photo.jpg", pdf)))));
        assertEquals("fund.file.imageType", notImage.errors().get(0).key());
        assertEquals("photos", notImage.errors().get(0).field());
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        assertEquals("fund.file.tooLarge", assertThrows(ValidationException.class, () -> runAs(social,
                () -> projects.reportProgress(p.getId(), "安装完成", List.of(new Upload("big.jpg", big))))).errors()
                .get(0).key());
        List<Upload> seven = Collections.nCopies(7, new Upload("p.jpg", JPEG));
        assertEquals("fund.progress.tooManyPhotos", assertThrows(ValidationException.class, () -> runAs(social,
                () -> projects.reportProgress(p.getId(), "安装完成", seven))).errors().get(0).key());
        ValidationException noText = assertThrows(ValidationException.class, () -> runAs(social,
                () -> projects.reportProgress(p.getId(), " ", List.of())));
        assertEquals("body", noText.errors().get(0).field());
        Progress ok = runAs(social, () -> projects.reportProgress(p.getId(), "3栋扶手安装完成",
                List.of(new Upload("a.jpg", JPEG), new Upload("b.png", PNG))));
        ProjectView v = runAs(social, () -> projectQueries.project(p.getId()));
        assertEquals(2, v.progress().get(0).photoIds().size());
        Long photoId = v.progress().get(0).photoIds().get(0);
        assertEquals("image/jpeg", runAs(secretary, () -> projectQueries.photo(photoId)).getContentType());
        // Another community's staff do not get the photo.
        assertThrows(NotInScopeException.class, () -> runAs(otherSocial, () -> projectQueries.photo(photoId)));
        assertTrue(ok.getId() != null);
    }

    @Test
    void evaluation_isNeedsOriented_closedOfLinked_andSatisfaction() {
        Long a = need("楼道无扶手甲" + town.prefix());
        Long b = need("楼道无扶手乙" + town.prefix());
        Project p = design(List.of(a, b));
        runAs(social, () -> projects.step(p.getId(), "submit", null));
        runAs(secretary, () -> projects.step(p.getId(), "approve", null));
        ConflictException notYet = assertThrows(ConflictException.class, () -> runAs(social, () -> projects.evaluate(
                p.getId(), new EvaluationForm(45, 20, 12, List.of(a), null))));
        assertEquals("project.transition", notYet.key());
        runAs(social, () -> projects.step(p.getId(), "start", null));
        runAs(social, () -> projects.step(p.getId(), "complete", null));
        ValidationException bad = assertThrows(ValidationException.class, () -> runAs(social, () -> projects.evaluate(
                p.getId(), new EvaluationForm(55, 0, -1, List.of(999_999_999L), null))));
        List<String> fields = bad.errors().stream().map(e -> e.field() + ":" + e.key()).toList();
        assertTrue(fields.containsAll(List.of("satisfactionTenths:fund.evaluation.satisfaction",
                "respondents:fund.evaluation.respondents", "beneficiariesReached:fund.project.beneficiaries",
                "closedNeedIds:fund.evaluation.needNotLinked")), fields.toString());
        assertThrows(NotPermittedException.class, () -> runAs(cadre, () -> projects.evaluate(p.getId(),
                new EvaluationForm(45, 20, 12, List.of(a), null))));
        runAs(social, () -> projects.evaluate(p.getId(), new EvaluationForm(43, 18, 11, List.of(a), "扶手使用良好")));
        ProjectView v = runAs(secretary, () -> projectQueries.project(p.getId()));
        assertEquals("EVALUATED", v.stage());
        assertEquals(2, v.evaluation().needsLinked());
        assertEquals(1, v.evaluation().needsClosed());
        assertEquals(43, v.evaluation().satisfactionTenths());
        assertEquals(18, v.evaluation().respondents());
    }

    @Test
    void badDesign_isRefusedFieldByField_andOtherCommunitiesAreOutOfScope() {
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(social, () -> projects.design(
                new ProjectForm(community, " ", null, 0, null, LocalDate.now(clock), LocalDate.now(clock).minusDays(1),
                        Map.of("NOT_A_CATEGORY", 100L), List.of(999_999_999L), List.of(new MilestoneForm("", null))))));
        List<String> fields = e.errors().stream().map(x -> x.field() + ":" + x.key()).toList();
        assertTrue(fields.containsAll(List.of("title:error.required", "goal:error.required",
                "beneficiariesPlanned:fund.project.beneficiaries", "endsOn:fund.project.endBeforeStart",
                "budget:fund.category.unknown", "needIds:fund.project.needUnknown", "milestones:error.required",
                "milestones:fund.milestone.due")), fields.toString());
        Project p = design(List.of());
        assertThrows(NotInScopeException.class, () -> runAs(otherSocial, () -> projects.step(p.getId(), "submit", null)));
        assertThrows(NotInScopeException.class, () -> runAs(otherSocial, () -> projectQueries.projects(community, null)));
    }
}
