package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wushe.deliberation.application.DecisionService;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.application.MeetingService;
import org.wushe.deliberation.application.ReviewService;
import org.wushe.deliberation.application.VetoService;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.application.VoteService;
import org.wushe.deliberation.domain.CorrectiveAction;
import org.wushe.deliberation.domain.Issue;
import org.wushe.deliberation.domain.IssueSteps;
import org.wushe.deliberation.domain.Meeting;
import org.wushe.deliberation.domain.Proposal;
import org.wushe.deliberation.domain.Review;
import org.wushe.deliberation.domain.Vote;
import org.wushe.it.support.Fixtures;
import org.wushe.it.support.Fixtures.Town;
import org.wushe.it.support.TestClock;
import org.wushe.points.application.PointsLedger;
import org.wushe.points.application.SettlementSources;
import org.wushe.points.application.SourceSettlement;
import org.wushe.points.domain.SourceType;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;
import org.wushe.shared.ConflictException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;
import org.wushe.shared.WusheException;

/**
 * The joint deliberation zone on the server: each nature's workflow enforced by the services, the
 * representatives' vote (quorum, once each, conflicts of interest, secret ballot), the Party
 * secretary's veto and resubmission, published decisions, attendance points, self-examination, scope.
 */
@ExtendWith(ArquillianExtension.class)
class DeliberationIT {

    @Inject
    Fixtures fixtures;

    @Inject
    Clock clock;

    @EJB
    IssueService issues;

    @EJB
    VetoService vetoes;

    @EJB
    VoteService votes;

    @EJB
    MeetingService meetings;

    @EJB
    DecisionService decisions;

    @EJB
    ReviewService reviews;

    @EJB
    SourceSettlement settlement;

    @EJB
    SettlementSources sources;

    @EJB
    PointsLedger ledger;

    @EJB
    AccountService accounts;

    @Resource(lookup = "jdbc/wushe")
    DataSource db;

    private Town town;
    private String secretary;
    private String social;
    private String cadre;
    private String otherSecretary;
    private final List<Long> residents = new ArrayList<>();
    /** Six representatives of community A. */
    private final List<Long> reps = new ArrayList<>();

    @BeforeEach
    void community() {
        TestClock.reset();
        town = fixtures.town("A", "B");
        secretary = fixtures.staff(town, "secretary", Role.PARTY_SECRETARY, "A");
        social = fixtures.staff(town, "social", Role.SOCIAL_WORKER, "A");
        cadre = fixtures.staff(town, "cadre", Role.COMMUNITY_CADRE, "A");
        otherSecretary = fixtures.staff(town, "secretaryB", Role.PARTY_SECRETARY, "B");
        residents.clear();
        reps.clear();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < 7; i++) {
            Long id = fixtures.resident(social, "居民" + i, town.community("A"), town.grid("A", 1 + i % 2)).id();
            residents.add(id);
            if (i < 6) {
                reps.add(runAs(cadre, () -> meetings.appoint(town.community("A"), id, today.minusYears(1),
                        today.plusYears(2))).getId());
            }
        }
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    // ------------------------------------------------------------------ helpers

    private Issue issue(String nature) {
        return runAs(cadre, () -> issues.raise(town.community("A"), new Views.IssueForm("小区停车位分配" + nature,
                "地面停车位不足，需要商议", nature, "CADRE", null, null)));
    }

    private Meeting meeting(List<Long> present) {
        Meeting m = runAs(cadre, () -> meetings.createMeeting(town.community("A"), "居民代表会议", clock.instant(),
                "社区议事厅", "1. 停车位分配方案"));
        if (!present.isEmpty()) {
            runAs(cadre, () -> meetings.recordAttendance(m.getId(), present));
        }
        return m;
    }

    private Proposal propose(Issue i, String title, long costFen) {
        return runAs(social, () -> issues.submitProposal(i.getId(), title, "方案说明：" + title, costFen));
    }

    private void cast(Vote v, int rep, String choice, Long proposalId) {
        runAs(cadre, () -> votes.cast(v.getId(), reps.get(rep), choice, proposalId));
    }

    private static String key(Class<? extends WusheException> type, org.junit.jupiter.api.function.Executable e) {
        return assertThrows(type, e).key();
    }

    private static Set<String> fields(org.junit.jupiter.api.function.Executable e) {
        return Set.copyOf(assertThrows(ValidationException.class, e).errors().stream()
                .map(ValidationException.FieldError::field).toList());
    }

    // ------------------------------------------------------------------ the screen's steps

    /** An issue of the nature brought to where a vote could open: PROPOSALS with a submitted proposal. */
    private Issue readyToVote(String nature) {
        Issue i = issue(nature);
        if (nature.equals("RESOURCE_ALLOCATION")) {
            propose(i, "方案", 100L);
        } else if (nature.equals("RULE_MAKING")) {
            runAs(social, () -> issues.summarise(i.getId(), "总结", "公约", "正文"));
        }
        return i;
    }

    private static boolean accepted(org.junit.jupiter.api.function.Executable step) {
        try {
            step.execute();
            return true;
        } catch (WusheException e) {
            return false;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theVoteStepsTheIssuePageOffers_areExactlyTheOnesTheServiceTakes() {
        Meeting m = meeting(List.of());
        Map<String, Set<String>> leaders = new java.util.TreeMap<>();
        for (String nature : List.of("RESOURCE_ALLOCATION", "RULE_MAKING", "SERVICE")) {
            for (String user : List.of(cadre, social, secretary)) {
                Issue i = readyToVote(nature);
                boolean offered = runAs(user, () -> issues.allowedSteps(i.getId())).contains(IssueSteps.Step.OPEN_VOTE);
                boolean opened = accepted(() -> runAs(user, () -> votes.open(i.getId(), m.getId(), false)));
                assertEquals(offered, opened, nature + " opened by " + user);
                if (opened) {
                    leaders.computeIfAbsent(nature, n -> new java.util.TreeSet<>()).add(user);
                    Long vote = runAs(cadre, () -> issues.detail(i.getId())).votes().get(0).id();
                    for (String closer : List.of(cadre, social, secretary)) {
                        if (runAs(closer, () -> issues.allowedSteps(i.getId())).contains(IssueSteps.Step.CLOSE_VOTE)) {
                            assertTrue(accepted(() -> runAs(closer, () -> votes.close(vote))), nature + " closed by " + closer);
                            break;
                        }
                        assertThrows(NotPermittedException.class, () -> runAs(closer, () -> votes.close(vote)),
                                nature + " closed by " + closer);
                    }
                    assertFalse(runAs(cadre, () -> issues.detail(i.getId())).stage().equals("VOTING"), nature);
                }
            }
        }
        assertEquals(Map.of("RESOURCE_ALLOCATION", Set.of(secretary), "RULE_MAKING", Set.of(social, secretary)), leaders);
    }

    // ------------------------------------------------------------------ service issues

    @Test
    void aServiceIssue_cannotBePutToAVote_andASocialWorkerDecidesAndPublishesIt() {
        Issue i = issue("SERVICE");
        assertEquals("OPEN", i.getStage().name());
        Meeting m = meeting(reps);
        assertEquals("vote.serviceIssue", key(ConflictException.class,
                () -> runAs(secretary, () -> votes.open(i.getId(), m.getId(), false))));
        assertEquals("deliberation.nature", key(ConflictException.class,
                () -> runAs(social, () -> issues.submitProposal(i.getId(), "方案", "说明", 100L))));
        assertEquals("deliberation.role.decide", key(NotPermittedException.class,
                () -> runAs(secretary, () -> issues.decide(i.getId(), "增设夜间照明", "居民反映强烈"))));
        assertEquals(Set.of("decision", "reasons"), fields(() -> runAs(social, () -> issues.decide(i.getId(), " ", null))));

        runAs(social, () -> issues.decide(i.getId(), "增设夜间照明", "多位独居老人夜间出行不便"));
        Views.IssueDetail d = runAs(cadre, () -> issues.detail(i.getId()));
        assertEquals("DECIDED", d.stage());
        assertEquals("多位独居老人夜间出行不便", d.decision().reasons());
        assertTrue(d.events().stream().anyMatch(e -> e.kind().equals("DECIDED")));
        Views.PublicPage page = decisions.publicDecisions(town.community("A"));
        assertEquals(1, page.decisions().size());
        assertEquals("增设夜间照明", page.decisions().get(0).decisionText());
    }

    // ------------------------------------------------------------------ votes

    @Test
    void aResourceAllocation_passesByMajorityOfThosePresent_andIsPublished() {
        Issue i = issue("RESOURCE_ALLOCATION");
        assertEquals("PROPOSALS", i.getStage().name());
        Proposal a = propose(i, "按楼栋轮换分配", 120_000L);
        Proposal b = propose(i, "优先残疾人和老年人", 80_000L);
        Meeting m = meeting(reps.subList(0, 5));
        assertEquals("deliberation.role.vote.allocation", key(NotPermittedException.class,
                () -> runAs(social, () -> votes.open(i.getId(), m.getId(), false))));
        Vote v = runAs(secretary, () -> votes.open(i.getId(), m.getId(), false));
        cast(v, 0, "FOR", b.getId());
        cast(v, 1, "FOR", b.getId());
        cast(v, 2, "FOR", b.getId());
        cast(v, 3, "FOR", a.getId());
        cast(v, 4, "AGAINST", null);
        Views.VoteView open = runAs(cadre, () -> votes.vote(v.getId()));
        assertNull(open.options().get(0).votes(), "no running tally while the vote is open");
        Views.VoteView closed = runAs(secretary, () -> votes.close(v.getId()));
        assertEquals("PASSED", closed.status());
        assertEquals(b.getId(), closed.winningProposalId());
        assertEquals(5, closed.present());
        assertEquals(1, closed.against());

        Views.IssueDetail d = runAs(cadre, () -> issues.detail(i.getId()));
        assertEquals("DECIDED", d.stage());
        assertEquals(b.getId(), d.decision().proposalId());
        assertEquals("NOT_ADOPTED", d.proposals().stream().filter(p -> p.id().equals(a.getId())).findFirst()
                .orElseThrow().status());
        Views.PublicDecision pub = decisions.publicDecisions(town.community("A")).decisions().get(0);
        assertEquals("3/5/6", pub.voteSummary());
        assertFalse(pub.toString().contains("居民0"), "no names of representatives on the public page");

        Views.DecisionView followed = runAs(cadre, () -> decisions.followUp(d.decision().id(), "IN_PROGRESS",
                "已划线 12 个车位", null));
        assertEquals("IN_PROGRESS", followed.implementation());
        assertEquals(Set.of("implementation", "dockingActionId"), fields(() -> runAs(cadre,
                () -> decisions.followUp(d.decision().id(), "SOMEDAY", null, 999_999_999L))));
    }

    @Test
    void aVoteWithoutQuorum_isInvalid_andTheIssueGoesBackToProposals() {
        Issue i = issue("RESOURCE_ALLOCATION");
        Proposal a = propose(i, "方案甲", 10_000L);
        Meeting m = meeting(reps.subList(0, 3));
        Vote v = runAs(secretary, () -> votes.open(i.getId(), m.getId(), false));
        cast(v, 0, "FOR", a.getId());
        cast(v, 1, "FOR", a.getId());
        cast(v, 2, "FOR", a.getId());
        Views.VoteView closed = runAs(secretary, () -> votes.close(v.getId()));
        assertEquals("INVALID", closed.status(), "3 of 6 present is below two thirds");
        assertNull(closed.winningProposalId());
        Views.IssueDetail d = runAs(cadre, () -> issues.detail(i.getId()));
        assertEquals("PROPOSALS", d.stage());
        assertNull(d.decision());
        assertEquals("vote.closed", key(ConflictException.class, () -> cast(v, 0, "FOR", a.getId())));
    }

    @Test
    void aNonRepresentativesVote_aSecondVote_andAbsentees_areRefused() {
        Issue i = issue("RESOURCE_ALLOCATION");
        Proposal a = propose(i, "方案甲", 10_000L);
        Meeting m = meeting(reps.subList(0, 4));
        Vote v = runAs(secretary, () -> votes.open(i.getId(), m.getId(), false));
        String outsider = town.user("outsider");
        runAs(social, () -> accounts.createResidentAccount(outsider, Fixtures.PASSWORD.toCharArray(), residents.get(6)));
        assertEquals("vote.notRepresentative", key(NotPermittedException.class,
                () -> runAs(outsider, () -> votes.cast(v.getId(), null, "FOR", a.getId()))));
        assertEquals("vote.notPresent", key(ConflictException.class, () -> cast(v, 5, "FOR", a.getId())));
        cast(v, 0, "FOR", a.getId());
        assertEquals("vote.twice", key(ConflictException.class, () -> cast(v, 0, "AGAINST", null)));
        // A representative whose term has ended is no longer one.
        runAs(cadre, () -> meetings.endTerm(reps.get(1), LocalDate.now(clock).minusDays(1)));
        assertEquals("vote.notRepresentative", key(NotPermittedException.class, () -> cast(v, 1, "FOR", a.getId())));
        assertEquals(Set.of("choice"), fields(() -> cast(v, 2, "MAYBE", null)));
        assertEquals(1, runAs(cadre, () -> votes.vote(v.getId())).ballots().size());
    }

    @Test
    void aDeclaredConflictOfInterest_makesTheRepresentativeAbstain() {
        Issue i = issue("RESOURCE_ALLOCATION");
        Proposal a = propose(i, "方案甲", 10_000L);
        Meeting m = meeting(reps);
        Vote v = runAs(secretary, () -> votes.open(i.getId(), m.getId(), false));
        assertEquals(Set.of("reason"), fields(() -> runAs(cadre, () -> votes.declareConflict(v.getId(), reps.get(0), ""))));
        runAs(cadre, () -> votes.declareConflict(v.getId(), reps.get(0), "本人车位在方案范围内"));
        runAs(cadre, () -> votes.declareConflict(v.getId(), reps.get(1), "亲属承接施工"));
        assertEquals("vote.conflicted", key(ConflictException.class, () -> cast(v, 0, "FOR", a.getId())));
        cast(v, 2, "FOR", a.getId());
        cast(v, 3, "FOR", a.getId());
        cast(v, 4, "FOR", a.getId());
        cast(v, 5, "AGAINST", null);
        Views.VoteView closed = runAs(secretary, () -> votes.close(v.getId()));
        assertEquals("PASSED", closed.status(), "3 of the 4 not recused is a majority");
        assertEquals(2, closed.recused());
        assertTrue(closed.ballots().stream().filter(Views.BallotView::recused)
                .allMatch(b -> b.choice() == null && b.conflictReason() != null));
    }

    @Test
    void aSecretBallot_keepsTheTallyAndWhoTookPart_butNotWhoChoseWhat() throws Exception {
        Issue i = issue("RULE_MAKING");
        runAs(cadre, () -> issues.comment(i.getId(), "ORGANISATION", "业委会", "建议明确宠物管理条款"));
        Proposal text = runAs(social, () -> issues.summarise(i.getId(), "多数意见支持文明养犬", "居民公约（修订稿）",
                "第一条 文明养犬，出门牵绳。"));
        Meeting m = meeting(reps);
        Vote v = runAs(social, () -> votes.open(i.getId(), m.getId(), true));
        assertEquals("vote.secretSelfOnly", key(NotPermittedException.class, () -> cast(v, 0, "FOR", null)));
        for (int r = 0; r < 6; r++) {
            String user = town.user("rep" + r);
            Long resident = residents.get(r);
            runAs(social, () -> accounts.createResidentAccount(user, Fixtures.PASSWORD.toCharArray(), resident));
            String choice = r < 4 ? "FOR" : "AGAINST";
            runAs(user, () -> votes.cast(v.getId(), null, choice, null));
        }
        Views.VoteView closed = runAs(social, () -> votes.close(v.getId()));
        assertEquals("PASSED", closed.status());
        assertEquals(4, closed.options().get(0).votes());
        assertEquals(2, closed.against());
        assertEquals(6, closed.ballots().size(), "who took part is known");
        assertTrue(closed.ballots().stream().allMatch(b -> b.choice() == null && b.proposalId() == null));
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM delib_ballot WHERE vote_id = ? "
                     + "AND (choice IS NOT NULL OR proposal_id IS NOT NULL)")) {
            s.setLong(1, v.getId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no per-person choice stored");
            }
        }
        assertEquals(text.getId(), closed.winningProposalId());
    }

    // ------------------------------------------------------------------ rule-making

    @Test
    void ruleMaking_discussesThenSummarises_andComments_closeWithTheDiscussion() {
        Issue i = issue("RULE_MAKING");
        assertEquals("DISCUSSION", i.getStage().name());
        String resident = town.user("speaker");
        runAs(social, () -> accounts.createResidentAccount(resident, Fixtures.PASSWORD.toCharArray(), residents.get(6)));
        runAs(resident, () -> issues.comment(i.getId(), null, null, "希望规定晚上十点后不得装修"));
        assertEquals(Set.of("authorKind", "body"), fields(() -> runAs(cadre, () -> issues.comment(i.getId(), "NOBODY",
                null, " "))));
        Meeting m = meeting(reps);
        assertEquals("deliberation.stage", key(ConflictException.class,
                () -> runAs(secretary, () -> votes.open(i.getId(), m.getId(), false))));
        assertEquals("deliberation.role.summarise", key(NotPermittedException.class,
                () -> runAs(cadre, () -> issues.summarise(i.getId(), "总结", "公约", "正文"))));
        runAs(social, () -> issues.summarise(i.getId(), "居民普遍支持限制装修时间", "装修管理公约", "晚十点至早七点禁止装修。"));
        assertEquals("deliberation.stage", key(ConflictException.class,
                () -> runAs(resident, () -> issues.comment(i.getId(), null, null, "晚了"))));
        Views.IssueDetail d = runAs(resident, () -> issues.detail(i.getId()));
        assertEquals(1, d.comments().size());
        assertEquals("RESIDENT", d.comments().get(0).authorKind());
        assertEquals("居民普遍支持限制装修时间", d.summary());
    }

    @Test
    void reclassifying_isRecordedWithItsReason_andRestartsTheWorkflow() {
        Issue i = issue("SERVICE");
        assertEquals(Set.of("reason"), fields(() -> runAs(cadre, () -> issues.reclassify(i.getId(), "RESOURCE_ALLOCATION", ""))));
        runAs(cadre, () -> issues.reclassify(i.getId(), "RESOURCE_ALLOCATION", "涉及公共收益的分配"));
        Views.IssueDetail d = runAs(cadre, () -> issues.detail(i.getId()));
        assertEquals("RESOURCE_ALLOCATION", d.nature());
        assertEquals("PROPOSALS", d.stage());
        assertTrue(d.events().stream().anyMatch(e -> e.kind().equals("RECLASSIFIED")
                && e.detail().contains("涉及公共收益的分配")), d.events().toString());
    }

    // ------------------------------------------------------------------ veto

    @Test
    void aVeto_withoutGroundOrReason_orBySomeoneElse_isRefused() {
        Issue i = issue("RESOURCE_ALLOCATION");
        Proposal a = propose(i, "全部车位租给外单位", 0L);
        assertEquals("veto.secretaryOnly", key(NotPermittedException.class,
                () -> runAs(social, () -> vetoes.veto(a.getId(), "AGAINST_PUBLIC_WELFARE", "损害居民利益的方案"))));
        assertEquals("veto.secretaryOnly", key(NotPermittedException.class,
                () -> runAs(cadre, () -> vetoes.veto(a.getId(), "AGAINST_PUBLIC_WELFARE", "损害居民利益的方案"))));
        assertThrows(NotInScopeException.class,
                () -> runAs(otherSecretary, () -> vetoes.veto(a.getId(), "AGAINST_PUBLIC_WELFARE", "损害居民利益的方案")));
        assertEquals(Set.of("ground", "reason"), fields(() -> runAs(secretary, () -> vetoes.veto(a.getId(), null, "  "))));
        assertEquals(Set.of("ground"), fields(() -> runAs(secretary, () -> vetoes.veto(a.getId(), "DISLIKE",
                "损害居民利益的方案"))));
        assertEquals("SUBMITTED", runAs(cadre, () -> issues.detail(i.getId())).proposals().get(0).status());
    }

    @Test
    void aVetoedProposal_isRevisedAndResubmitted_andKeepsEveryVetoInItsHistory() {
        Issue i = issue("RESOURCE_ALLOCATION");
        Proposal a = propose(i, "全部车位租给外单位", 500_000L);
        Meeting m = meeting(reps);
        Vote v = runAs(secretary, () -> votes.open(i.getId(), m.getId(), false));
        cast(v, 0, "FOR", a.getId());
        runAs(secretary, () -> vetoes.veto(a.getId(), "AGAINST_PUBLIC_WELFARE", "车位应首先满足本小区居民需要"));
        Views.IssueDetail after = runAs(cadre, () -> issues.detail(i.getId()));
        assertEquals("PROPOSALS", after.stage(), "back for reconsideration");
        assertEquals("CANCELLED", after.votes().get(0).status(), "the vote under way is cancelled");
        assertEquals("VETOED", after.proposals().get(0).status());
        assertEquals("veto.notSubmitted", key(ConflictException.class,
                () -> runAs(secretary, () -> vetoes.veto(a.getId(), "UNFAIR_DISTRIBUTION", "再次否决的理由"))));

        runAs(social, () -> issues.resubmit(a.getId(), "部分车位错峰租给外单位", "夜间优先本小区居民，白天错峰出租", 200_000L));
        runAs(secretary, () -> vetoes.veto(a.getId(), "UNFAIR_DISTRIBUTION", "收益分配未向困难家庭倾斜"));
        runAs(social, () -> issues.resubmit(a.getId(), "错峰出租，收益用于适老化改造", "收益全部进入社区微基金", 200_000L));
        Vote again = runAs(secretary, () -> votes.open(i.getId(), m.getId(), false));
        for (int r = 0; r < 5; r++) {
            cast(again, r, "FOR", a.getId());
        }
        assertEquals("PASSED", runAs(secretary, () -> votes.close(again.getId())).status());

        Views.IssueDetail d = runAs(cadre, () -> issues.detail(i.getId()));
        Views.ProposalView p = d.proposals().get(0);
        assertEquals(3, p.revision());
        assertEquals("PASSED", p.status());
        assertEquals(2, p.vetoes().size());
        assertEquals(List.of(1, 2), p.vetoes().stream().map(Views.VetoView::proposalRevision).toList());
        assertEquals(2, d.events().stream().filter(e -> e.kind().equals("VETOED")).count());
        assertEquals(2, d.events().stream().filter(e -> e.kind().equals("RESUBMITTED")).count());
        Views.PublicDecision pub = decisions.publicDecisions(town.community("A")).decisions().get(0);
        assertEquals(List.of("AGAINST_PUBLIC_WELFARE", "UNFAIR_DISTRIBUTION"),
                pub.vetoes().stream().map(Views.VetoView::ground).toList(), "vetoes are published with the decision");
        assertTrue(pub.vetoes().stream().allMatch(x -> x.vetoedByName() == null));
    }

    // ------------------------------------------------------------------ representatives, meetings, points

    /** The attendance rows the nightly settlement would read next (all communities, one slice). */
    private List<Long> unsettled(long afterId) {
        return sources.nextPage(SourceType.DELIBERATION_ATTENDANCE, 1, 0, afterId, 10).stream()
                .map(u -> u.sourceId()).toList();
    }

    @Test
    void attendance_isSettledIntoPointsExactlyOnce() throws Exception {
        Meeting m = meeting(reps.subList(0, 2));
        List<Long> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM delib_attendance WHERE meeting_id = ? ORDER BY id")) {
            s.setLong(1, m.getId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                }
            }
        }
        assertEquals(2, rows.size());
        Long first = rows.get(0);
        assertTrue(unsettled(first - 1).contains(first), "the settlement finds the unsettled row");
        assertTrue(settlement.settle(SourceType.DELIBERATION_ATTENDANCE, first));
        assertFalse(settlement.settle(SourceType.DELIBERATION_ATTENDANCE, first), "a second settlement books nothing");
        assertTrue(ledger.isBooked(SourceType.DELIBERATION_ATTENDANCE, first));
        assertFalse(unsettled(first - 1).contains(first));
        assertTrue(unsettled(first - 1).contains(rows.get(1)));
        // Recording the same person again adds no second row.
        assertEquals(2, runAs(cadre, () -> meetings.recordAttendance(m.getId(), List.of(reps.get(0))))
                .presentRepresentativeIds().size());
    }

    @Test
    void representativesAndMeetings_refuseBadInputPerField() {
        assertEquals(Set.of("residentId", "termEnd"), fields(() -> runAs(cadre, () -> meetings.appoint(town.community("A"),
                999_999_999L, LocalDate.now(clock), LocalDate.now(clock).minusDays(1)))));
        assertEquals("deliberation.representative.overlap", key(ConflictException.class, () -> runAs(cadre,
                () -> meetings.appoint(town.community("A"), residents.get(0), LocalDate.now(clock),
                        LocalDate.now(clock).plusYears(1)))));
        assertEquals(Set.of("title", "heldAt", "place", "agenda"), fields(() -> runAs(cadre,
                () -> meetings.createMeeting(town.community("A"), "", null, null, " "))));
        Meeting later = runAs(cadre, () -> meetings.createMeeting(town.community("A"), "下月例会",
                clock.instant().plus(Duration.ofDays(30)), "议事厅", "议程"));
        assertEquals("deliberation.attendance.early", key(ConflictException.class,
                () -> runAs(cadre, () -> meetings.recordAttendance(later.getId(), reps))));
        assertEquals(Set.of("quorum", "majority"), fields(() -> runAs(secretary,
                () -> meetings.setRules(town.community("A"), 4, 3, 1, 1, 3))));
        Views.RulesView rules = runAs(secretary, () -> meetings.setRules(town.community("A"), 1, 2, 2, 3, 6));
        assertEquals("1/2", rules.quorum());
        assertEquals("2/3", rules.majority());
        assertThrows(NotPermittedException.class, () -> runAs(social, () -> meetings.setRules(town.community("A"),
                1, 2, 1, 2, 3)));
    }

    @Test
    void badInput_forANewIssue_isRefusedPerField() {
        ValidationException e = assertThrows(ValidationException.class, () -> runAs(cadre,
                () -> issues.raise(town.community("A"), new Views.IssueForm(" ", null, "URGENT", "ORGANISATION", null,
                        null))));
        assertEquals(Set.of("title", "description", "nature", "raisedByName"),
                Set.copyOf(e.errors().stream().map(ValidationException.FieldError::field).toList()));
        assertEquals(Set.of("needId"), fields(() -> runAs(cadre, () -> issues.raise(town.community("A"),
                new Views.IssueForm("题目", "说明", "SERVICE", "NEED", null, 999_999_999L)))));
        assertEquals(Set.of("cost"), fields(() -> runAs(social, () -> issues.submitProposal(
                issue("RESOURCE_ALLOCATION").getId(), "方案", "说明", -5L))));
    }

    // ------------------------------------------------------------------ scope

    @Test
    void anotherCommunitysStaff_andResidents_cannotReachTheIssue_andTheBoardKeepsToItsCommunity() {
        Issue i = issue("SERVICE");
        String socialB = fixtures.staff(town, "socialB", Role.SOCIAL_WORKER, "B");
        assertThrows(NotInScopeException.class, () -> runAs(socialB, () -> issues.detail(i.getId())));
        assertThrows(NotInScopeException.class, () -> runAs(socialB, () -> issues.decide(i.getId(), "决定", "理由")));
        assertThrows(NotInScopeException.class, () -> runAs(socialB, () -> issues.board(town.community("A"), null, null)));
        assertTrue(runAs(socialB, () -> issues.board(town.community("B"), null, null)).isEmpty());
        String officer = fixtures.officer(town, "officer");
        assertEquals(1, runAs(officer, () -> issues.board(town.community("A"), "SERVICE", "OPEN")).size());
        assertThrows(NotPermittedException.class, () -> runAs(officer, () -> issues.raise(town.community("A"),
                new Views.IssueForm("题目", "说明", "SERVICE", "CADRE", null, null))));
    }

    // ------------------------------------------------------------------ self-examination

    @Test
    void aReview_withCorrectiveActions_showsOverdueActionsUntilTheyAreClosed() {
        LocalDate today = LocalDate.now(clock);
        assertEquals(Set.of("satisfaction", "ethics", "findings"), fields(() -> runAs(secretary,
                () -> reviews.record(town.community("A"), today.minusMonths(3), today.minusDays(1), 101, 70, null, ""))));
        assertThrows(NotPermittedException.class, () -> runAs(social, () -> reviews.record(town.community("A"),
                today.minusMonths(3), today.minusDays(1), 80, 70, 90, "发现")));
        Review r = runAs(secretary, () -> reviews.record(town.community("A"), today.minusMonths(3), today.minusDays(1),
                78, 65, 90, "协调效率偏低：转介平均耗时 9 天"));
        CorrectiveAction a = runAs(secretary, () -> reviews.addAction(r.getId(), "建立转介周例会", "社工 王", today.plusDays(7)));
        Views.ReviewsPage page = runAs(secretary, () -> reviews.reviews(town.community("A")));
        assertEquals(today.minusDays(1).plusMonths(3), page.nextDue(), "quarterly by default");
        assertEquals(0, page.overdueActions());
        TestClock.advance(Duration.ofDays(8));
        page = runAs(secretary, () -> reviews.reviews(town.community("A")));
        assertEquals(1, page.overdueActions());
        assertTrue(page.reviews().get(0).actions().get(0).overdue());
        runAs(secretary, () -> reviews.closeAction(a.getId(), "周例会已建立并运行两次"));
        page = runAs(cadre, () -> reviews.reviews(town.community("A")));
        assertEquals(0, page.overdueActions());
        assertEquals("review.action.closed", key(ConflictException.class,
                () -> runAs(secretary, () -> reviews.closeAction(a.getId(), "again"))));
    }
}
