package org.wushe.deliberation.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wushe.community.domain.Community;
import org.wushe.deliberation.domain.AuthorKind;
import org.wushe.deliberation.domain.Comment;
import org.wushe.deliberation.domain.Decision;
import org.wushe.deliberation.domain.Issue;
import org.wushe.deliberation.domain.IssueEvent;
import org.wushe.deliberation.domain.IssueSource;
import org.wushe.deliberation.domain.IssueStage;
import org.wushe.deliberation.domain.IssueSteps;
import org.wushe.deliberation.domain.Proposal;
import org.wushe.docking.domain.IssueNature;
import org.wushe.docking.domain.Need;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.Role;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * Issues of the joint deliberation zone and the steps of their workflow that are not votes. The
 * nature fixes the workflow and these methods enforce it:
 * <ul>
 *   <li>service: a social worker decides and publishes the decision with its reasons ({@link #decide}); no vote;</li>
 *   <li>resource allocation: social workers submit proposals, each an option with its cost
 *       ({@link #submitProposal}); the Party secretary then puts them to the representatives' vote;</li>
 *   <li>rule-making: residents and organisations comment ({@link #comment}), a social worker summarises and
 *       writes the final text ({@link #summarise}), which the representatives then vote on.</li>
 * </ul>
 * Staff with {@link Right#DELIBERATE} in the community raise and reclassify issues; residents raise issues
 * and comment in their own community. Every step goes into the issue's history.
 */
@Stateless
public class IssueService {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliberationAccess access;

    @Inject
    Reading reading;

    @Inject
    Clock clock;

    /**
     * Raises an issue. A resident raises it in their own community as themself; staff name the source
     * (RESIDENT, ORGANISATION, CADRE or NEED with the need's id in the same community) and whom it came
     * from. Refuses bad fields one by one.
     */
    public Issue raise(String communityCode, Views.IssueForm f) {
        Caller caller = access.caller();
        Community c = access.community(caller, communityCode);
        boolean resident = access.isResident(caller);
        if (!resident) {
            caller.require(Right.DELIBERATE);
            caller.requireCovers(c);
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        String title = errors.text("title", f.title(), 150, true);
        String description = errors.text("description", f.description(), 4000, true);
        IssueNature nature = DeliberationAccess.choice("nature", IssueNature.class, f.nature(), true, errors);
        IssueSource source;
        String from;
        Long needId = null;
        if (resident) {
            source = IssueSource.RESIDENT;
            from = caller.displayName();
        } else {
            source = DeliberationAccess.choice("source", IssueSource.class, f.source(), true, errors);
            boolean named = source == IssueSource.RESIDENT || source == IssueSource.ORGANISATION;
            from = errors.text("raisedByName", f.raisedByName(), 100, named);
            if (source == IssueSource.NEED) {
                if (f.needId() == null) {
                    errors.add("needId", "error.required");
                } else {
                    Need n = em.find(Need.class, f.needId());
                    if (n == null || !n.getCommunity().getId().equals(c.getId())) {
                        errors.add("needId", "deliberation.need.unknown", f.needId());
                    } else {
                        needId = n.getId();
                        from = from == null ? n.getTitle() : from;
                    }
                }
            }
            if (from == null) {
                from = caller.displayName();
            }
        }
        errors.throwIfAny();
        Issue issue = new Issue(c.getId(), title, description, nature, source, from, needId, caller.username(),
                clock.instant());
        em.persist(issue);
        em.flush();
        access.event(issue, "RAISED", nature.name() + (needId == null ? "" : " · need " + needId), caller.username());
        return issue;
    }

    /** Changes an issue's nature with the reason; its workflow restarts at the new nature's first stage. */
    public Issue reclassify(Long issueId, String nature, String reason) {
        Issue issue = lockedIssue(issueId);
        Caller caller = access.staff(issue.getCommunityId());
        ValidationException.Collector errors = new ValidationException.Collector();
        IssueNature to = DeliberationAccess.choice("nature", IssueNature.class, nature, true, errors);
        String why = errors.text("reason", reason, 500, true);
        errors.throwIfAny();
        IssueNature from = issue.getNature();
        issue.reclassify(to, clock.instant());
        access.event(issue, "RECLASSIFIED", from + " → " + to + ": " + why, caller.username());
        em.flush();
        return issue;
    }

    /**
     * A comment in the open discussion of a rule-making issue. A resident speaks as themself; staff
     * record what an organisation, a resident or they themselves said.
     */
    public Comment comment(Long issueId, String authorKind, String authorName, String body) {
        Issue issue = access.issue(issueId);
        Caller caller = access.reader(issue.getCommunityId());
        boolean resident = access.isResident(caller);
        if (!resident) {
            caller.require(Right.DELIBERATE);
        }
        issue.requireNature(IssueNature.RULE_MAKING);
        issue.requireStage(IssueStage.DISCUSSION);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = errors.text("body", body, 2000, true);
        AuthorKind kind;
        String name;
        if (resident) {
            kind = AuthorKind.RESIDENT;
            name = caller.displayName();
        } else {
            kind = DeliberationAccess.choice("authorKind", AuthorKind.class, authorKind, true, errors);
            name = errors.text("authorName", authorName, 100, kind != null && kind != AuthorKind.STAFF);
            if (name == null) {
                name = caller.displayName();
            }
        }
        errors.throwIfAny();
        Comment c = new Comment(issue.getId(), kind, name, text, clock.instant(), caller.username());
        em.persist(c);
        em.flush();
        return c;
    }

    /**
     * Closes the discussion of a rule-making issue: a social worker writes the summary of what was said
     * and the final text, which becomes the proposal the representatives vote on.
     */
    public Proposal summarise(Long issueId, String summary, String finalTitle, String finalText) {
        Issue issue = lockedIssue(issueId);
        Caller caller = access.staffInRole(issue.getCommunityId(), "summarise", Role.SOCIAL_WORKER);
        issue.requireNature(IssueNature.RULE_MAKING);
        issue.requireStage(IssueStage.DISCUSSION);
        ValidationException.Collector errors = new ValidationException.Collector();
        String s = errors.text("summary", summary, 4000, true);
        String title = errors.text("title", finalTitle, 150, true);
        String text = errors.text("body", finalText, 4000, true);
        errors.throwIfAny();
        Instant now = clock.instant();
        issue.summarise(s, now);
        Proposal p = new Proposal(issue, title, text, null, caller.username(), now);
        em.persist(p);
        issue.moveTo(IssueStage.PROPOSALS, now);
        em.flush();
        access.event(issue, "SUMMARISED", title, caller.username());
        return p;
    }

    /**
     * A social worker's technical proposal on a resource-allocation issue: one option with its cost in
     * fen. Several proposals make the options the representatives choose between.
     */
    public Proposal submitProposal(Long issueId, String title, String body, Long costFen) {
        Issue issue = lockedIssue(issueId);
        Caller caller = access.staffInRole(issue.getCommunityId(), "propose", Role.SOCIAL_WORKER);
        issue.requireNature(IssueNature.RESOURCE_ALLOCATION);
        issue.requireStage(IssueStage.PROPOSALS);
        ValidationException.Collector errors = new ValidationException.Collector();
        String t = errors.text("title", title, 150, true);
        String b = errors.text("body", body, 4000, true);
        checkCost(costFen, true, errors);
        errors.throwIfAny();
        Proposal p = new Proposal(issue, t, b, costFen, caller.username(), clock.instant());
        em.persist(p);
        issue.moveTo(IssueStage.PROPOSALS, clock.instant());
        em.flush();
        access.event(issue, "PROPOSED", t, caller.username());
        return p;
    }

    /**
     * Resubmits a vetoed proposal, revised after reconsideration, as its next revision; its vetoes stay
     * published with it. A social worker, while the issue takes proposals.
     */
    public Proposal resubmit(Long proposalId, String title, String body, Long costFen) {
        Proposal p = proposalId == null ? null : em.find(Proposal.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw new NotFoundException("proposal", proposalId);
        }
        Issue issue = lockedIssue(p.getIssueId());
        Caller caller = access.staffInRole(issue.getCommunityId(), "propose", Role.SOCIAL_WORKER);
        issue.requireStage(IssueStage.PROPOSALS);
        ValidationException.Collector errors = new ValidationException.Collector();
        String t = errors.text("title", title, 150, true);
        String b = errors.text("body", body, 4000, true);
        checkCost(costFen, issue.getNature() == IssueNature.RESOURCE_ALLOCATION, errors);
        errors.throwIfAny();
        p.resubmit(t, b, issue.getNature() == IssueNature.RESOURCE_ALLOCATION ? costFen : null, caller.username(),
                clock.instant());
        issue.moveTo(IssueStage.PROPOSALS, clock.instant());
        em.flush();
        access.event(issue, "RESUBMITTED", t + " (rev. " + p.getRevision() + ")", caller.username());
        return p;
    }

    /**
     * Decides a service issue: a social worker publishes the decision and its reasons to residents.
     * No vote; refused for the other natures.
     */
    public Decision decide(Long issueId, String decision, String reasons) {
        Issue issue = lockedIssue(issueId);
        Caller caller = access.staffInRole(issue.getCommunityId(), "decide", Role.SOCIAL_WORKER);
        issue.requireNature(IssueNature.SERVICE);
        issue.requireStage(IssueStage.OPEN);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = errors.text("decision", decision, 4000, true);
        String why = errors.text("reasons", reasons, 4000, true);
        errors.throwIfAny();
        Decision d = new Decision(issue, text, why, null, null, caller.username(), clock.instant());
        em.persist(d);
        issue.moveTo(IssueStage.DECIDED, clock.instant());
        em.flush();
        access.event(issue, "DECIDED", text, caller.username());
        access.published(issue, d);
        return d;
    }

    /**
     * The issue board of a community: issues newest first, filtered by nature and stage when given
     * (at most 300 rows). Staff who see the zone, and the community's residents.
     */
    public List<Views.IssueRow> board(String communityCode, String nature, String stage) {
        Caller caller = access.caller();
        Community c = access.community(caller, communityCode);
        if (!access.isResident(caller)) {
            caller.require(Right.VIEW_DELIBERATION);
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        IssueNature n = DeliberationAccess.choice("nature", IssueNature.class, nature, false, errors);
        IssueStage s = DeliberationAccess.choice("stage", IssueStage.class, stage, false, errors);
        errors.throwIfAny();
        TypedQuery<Issue> q = em.createQuery("select i from Issue i where i.communityId = :c"
                + (n == null ? "" : " and i.nature = :n") + (s == null ? "" : " and i.stage = :s")
                + " order by i.updatedAt desc, i.id desc", Issue.class).setParameter("c", c.getId());
        if (n != null) {
            q.setParameter("n", n);
        }
        if (s != null) {
            q.setParameter("s", s);
        }
        List<Issue> issues = q.setMaxResults(300).getResultList();
        Map<Long, Long> proposals = new HashMap<>();
        Map<Long, Long> vetoes = new HashMap<>();
        if (!issues.isEmpty()) {
            List<Long> ids = issues.stream().map(Issue::getId).toList();
            em.createQuery("select p.issueId, count(p) from Proposal p where p.issueId in :ids group by p.issueId",
                    Object[].class).setParameter("ids", ids).getResultList()
                    .forEach(r -> proposals.put((Long) r[0], ((Number) r[1]).longValue()));
            em.createQuery("select v.issueId, count(v) from Veto v where v.issueId in :ids group by v.issueId",
                    Object[].class).setParameter("ids", ids).getResultList()
                    .forEach(r -> vetoes.put((Long) r[0], ((Number) r[1]).longValue()));
        }
        return issues.stream().map(i -> new Views.IssueRow(i.getId(), i.getTitle(), i.getNature().name(),
                i.getStage().name(), i.getSource().name(), i.getRaisedByName(), i.getRaisedAt(), i.getUpdatedAt(),
                proposals.getOrDefault(i.getId(), 0L), vetoes.getOrDefault(i.getId(), 0L))).toList();
    }

    /** One issue with its whole workflow (staff who see the zone, the community's residents). */
    public Views.IssueDetail detail(Long issueId) {
        Issue i = access.issue(issueId);
        Caller caller = access.reader(i.getCommunityId());
        Community c = access.community(caller, i.getCommunityId());
        List<Views.EventView> events = em.createQuery("select e from IssueEvent e where e.issueId = :i "
                        + "order by e.happenedAt, e.id", IssueEvent.class).setParameter("i", i.getId()).getResultList()
                .stream().map(e -> new Views.EventView(e.getId(), e.getKind(), e.getDetail(), e.getHappenedAt(),
                        e.getActor())).toList();
        List<Views.CommentView> comments = em.createQuery("select c from Comment c where c.issueId = :i "
                        + "order by c.postedAt, c.id", Comment.class).setParameter("i", i.getId()).setMaxResults(500)
                .getResultList().stream().map(x -> new Views.CommentView(x.getId(), x.getAuthorKind().name(),
                        x.getAuthorName(), x.getBody(), x.getPostedAt())).toList();
        return new Views.IssueDetail(i.getId(), c.getCode(), i.getTitle(), i.getDescription(), i.getNature().name(),
                i.getStage().name(), i.getSource().name(), i.getRaisedByName(), i.getNeedId(), i.getSummary(),
                i.getRaisedAt(), events, comments, reading.proposals(i.getId()), reading.votes(i.getId()),
                Reading.decision(reading.decisionOf(i.getId())));
    }

    /**
     * The steps of the issue's workflow the caller may take now, by the rules of {@link IssueSteps}
     * that the step methods here and in {@link VoteService} refuse by; the issue page offers only
     * these. Who may call: whoever may read the issue (staff who see the zone, the community's
     * residents); refuses others as {@link #detail} does.
     */
    public Set<IssueSteps.Step> allowedSteps(Long issueId) {
        Issue i = access.issue(issueId);
        Caller caller = access.reader(i.getCommunityId());
        IssueSteps.Who who;
        if (access.isResident(caller)) {
            who = IssueSteps.Who.asResident();
        } else if (caller.has(Right.DELIBERATE) && caller.covers(access.community(caller, i.getCommunityId()))) {
            who = IssueSteps.Who.asStaff(caller.role(), caller.has(Right.VETO_PROPOSALS));
        } else {
            who = IssueSteps.Who.asReader(caller.role());
        }
        return IssueSteps.allowed(i.getNature(), i.getStage(), who);
    }

    private Issue lockedIssue(Long issueId) {
        Issue i = issueId == null ? null : em.find(Issue.class, issueId, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            throw new NotFoundException("issue", issueId);
        }
        return i;
    }

    private static void checkCost(Long costFen, boolean required, ValidationException.Collector errors) {
        if (costFen == null) {
            if (required) {
                errors.add("cost", "error.required");
            }
        } else if (costFen < 0 || costFen > 100_000_000_000L) {
            errors.add("cost", "deliberation.cost.range");
        }
    }

}
