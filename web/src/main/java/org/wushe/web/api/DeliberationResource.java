package org.wushe.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wushe.deliberation.application.DecisionService;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.application.MeetingService;
import org.wushe.deliberation.application.ReviewService;
import org.wushe.deliberation.application.VetoService;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.application.VoteService;
import org.wushe.deliberation.domain.Issue;
import org.wushe.deliberation.domain.Meeting;
import org.wushe.deliberation.domain.Proposal;
import org.wushe.deliberation.domain.Representative;
import org.wushe.deliberation.domain.Veto;
import org.wushe.deliberation.domain.Vote;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.FormInputs;
import org.wushe.web.support.TextInputs;

/**
 * The joint deliberation zone through the API, with the services' rules and scope: a community's
 * issue board, representatives, meetings, vote rules, decisions and reviews
 * ({@code /api/communities/{code}/issues|representatives|meetings|vote-rules|decisions|reviews}); one
 * issue and its workflow steps ({@code /api/issues/{id}/...}: reclassification, comments, summary,
 * proposals, decision, votes); a proposal's revision and vetoes ({@code /api/proposals/{id}/...});
 * ballots, conflicts of interest and closing of a vote ({@code /api/votes/{id}/...}); attendance and
 * minutes of a meeting; follow-up of a decision; corrective actions of a review.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliberationResource {

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

    /** Request bodies: plain fields, read leniently and checked by the services. */
    public static class IssueInput {
        public String title;
        public String description;
        public String nature;
        public String source;
        public String raisedByName;
        public Long needId;
    }

    public static class ReclassifyInput {
        public String nature;
        public String reason;
    }

    public static class CommentInput {
        public String authorKind;
        public String authorName;
        public String body;
    }

    public static class SummaryInput {
        public String summary;
        public String title;
        public String body;
    }

    public static class ProposalInput {
        public String title;
        public String body;
        /** The option's cost in fen (1 yuan = 100 fen). */
        public Long costFen;
    }

    public static class DecisionInput {
        public String decision;
        public String reasons;
    }

    public static class VetoInput {
        public String ground;
        public String reason;
    }

    public static class VoteInput {
        public Long meetingId;
        public Boolean secret;
    }

    public static class BallotInput {
        /** Staff recording a show of hands name the representative; a representative voting leaves it out. */
        public Long representativeId;
        public String choice;
        public Long proposalId;
    }

    public static class ConflictInput {
        public Long representativeId;
        public String reason;
    }

    public static class RepresentativeInput {
        public Long residentId;
        public String termStart;
        public String termEnd;
    }

    public static class TermEndInput {
        public String termEnd;
    }

    public static class MeetingInput {
        public String title;
        public String heldAt;
        public String place;
        public String agenda;
    }

    public static class AttendanceInput {
        public List<Long> present;
    }

    public static class MinutesInput {
        public String minutes;
    }

    public static class RulesInput {
        public Integer quorumNumerator;
        public Integer quorumDenominator;
        public Integer majorityNumerator;
        public Integer majorityDenominator;
        public Integer reviewMonths;
    }

    public static class FollowUpInput {
        public String implementation;
        public String followUp;
        public Long dockingActionId;
    }

    public static class ReviewInput {
        public String periodStart;
        public String periodEnd;
        public Integer satisfaction;
        public Integer coordination;
        public Integer ethics;
        public String findings;
    }

    public static class CorrectiveInput {
        public String description;
        public String owner;
        public String dueOn;
    }

    public static class CloseInput {
        public String closingNote;
    }

    /** What was created: its id (and for proposals, revision and status). */
    public record Created(Long id, String status, Integer revision) {
    }

    private static <T> T body(T in, T empty) {
        return in == null ? empty : in;
    }

    // ---------------------------------------------------------------- issues

    @GET
    @Path("communities/{code}/issues")
    public List<Views.IssueRow> board(@PathParam("code") String code, @QueryParam("nature") String nature,
                                      @QueryParam("stage") String stage) {
        return issues.board(code, nature, stage);
    }

    @POST
    @Path("communities/{code}/issues")
    public Response raise(@PathParam("code") String code, IssueInput in) {
        IssueInput b = body(in, new IssueInput());
        Issue i = issues.raise(code, new Views.IssueForm(b.title, b.description, b.nature, b.source, b.raisedByName,
                b.needId));
        return Response.status(201).entity(issues.detail(i.getId())).build();
    }

    @GET
    @Path("issues/{id}")
    public Views.IssueDetail issue(@PathParam("id") long id) {
        return issues.detail(id);
    }

    @POST
    @Path("issues/{id}/reclassification")
    public Views.IssueDetail reclassify(@PathParam("id") long id, ReclassifyInput in) {
        ReclassifyInput b = body(in, new ReclassifyInput());
        issues.reclassify(id, b.nature, b.reason);
        return issues.detail(id);
    }

    @POST
    @Path("issues/{id}/comments")
    public Response comment(@PathParam("id") long id, CommentInput in) {
        CommentInput b = body(in, new CommentInput());
        return Response.status(201).entity(new Created(issues.comment(id, b.authorKind, b.authorName, b.body).getId(),
                null, null)).build();
    }

    @POST
    @Path("issues/{id}/summary")
    public Response summarise(@PathParam("id") long id, SummaryInput in) {
        SummaryInput b = body(in, new SummaryInput());
        return created(issues.summarise(id, b.summary, b.title, b.body));
    }

    @POST
    @Path("issues/{id}/proposals")
    public Response propose(@PathParam("id") long id, ProposalInput in) {
        ProposalInput b = body(in, new ProposalInput());
        return created(issues.submitProposal(id, b.title, b.body, b.costFen));
    }

    @POST
    @Path("issues/{id}/decision")
    public Response decide(@PathParam("id") long id, DecisionInput in) {
        DecisionInput b = body(in, new DecisionInput());
        issues.decide(id, b.decision, b.reasons);
        return Response.status(201).entity(issues.detail(id).decision()).build();
    }

    @POST
    @Path("issues/{id}/votes")
    public Response openVote(@PathParam("id") long id, VoteInput in) {
        VoteInput b = body(in, new VoteInput());
        Vote v = votes.open(id, b.meetingId, Boolean.TRUE.equals(b.secret));
        return Response.status(201).entity(votes.vote(v.getId())).build();
    }

    // ---------------------------------------------------------------- proposals and vetoes

    @POST
    @Path("proposals/{id}/revision")
    public Views.ProposalView resubmit(@PathParam("id") long id, ProposalInput in) {
        ProposalInput b = body(in, new ProposalInput());
        Proposal p = issues.resubmit(id, b.title, b.body, b.costFen);
        return issues.detail(p.getIssueId()).proposals().stream().filter(x -> x.id().equals(p.getId())).findFirst()
                .orElseThrow();
    }

    @POST
    @Path("proposals/{id}/vetoes")
    public Response veto(@PathParam("id") long id, VetoInput in) {
        VetoInput b = body(in, new VetoInput());
        Veto v = vetoes.veto(id, b.ground, b.reason);
        return Response.status(201).entity(new Views.VetoView(v.getId(), v.getProposalId(), v.getProposalRevision(),
                v.getGround().name(), v.getReason(), v.getVetoedByName(), v.getVetoedAt())).build();
    }

    // ---------------------------------------------------------------- votes

    @GET
    @Path("votes/{id}")
    public Views.VoteView vote(@PathParam("id") long id) {
        return votes.vote(id);
    }

    @POST
    @Path("votes/{id}/ballots")
    public Response cast(@PathParam("id") long id, BallotInput in) {
        BallotInput b = body(in, new BallotInput());
        votes.cast(id, b.representativeId, b.choice, b.proposalId);
        return Response.status(201).entity(new Created(id, "CAST", null)).build();
    }

    @POST
    @Path("votes/{id}/conflicts")
    public Response conflict(@PathParam("id") long id, ConflictInput in) {
        ConflictInput b = body(in, new ConflictInput());
        votes.declareConflict(id, b.representativeId, b.reason);
        return Response.status(201).entity(new Created(id, "RECUSED", null)).build();
    }

    @POST
    @Path("votes/{id}/close")
    public Views.VoteView close(@PathParam("id") long id) {
        return votes.close(id);
    }

    // ---------------------------------------------------------------- representatives and meetings

    @GET
    @Path("communities/{code}/representatives")
    public List<Views.RepresentativeView> representatives(@PathParam("code") String code,
                                                          @QueryParam("all") boolean all) {
        return meetings.representatives(code, all);
    }

    @POST
    @Path("communities/{code}/representatives")
    public Response appoint(@PathParam("code") String code, RepresentativeInput in) {
        RepresentativeInput b = body(in, new RepresentativeInput());
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate start = FormInputs.optionalDate("termStart", b.termStart, errors);
        LocalDate end = FormInputs.optionalDate("termEnd", b.termEnd, errors);
        errors.throwIfAny();
        Representative r = meetings.appoint(code, b.residentId, start, end);
        return Response.status(201).entity(new Views.RepresentativeView(r.getId(), r.getResidentId(), r.getName(),
                r.getTermStart(), r.getTermEnd(), true)).build();
    }

    @PUT
    @Path("representatives/{id}/term-end")
    public Response endTerm(@PathParam("id") long id, TermEndInput in) {
        TermEndInput b = body(in, new TermEndInput());
        Representative r = meetings.endTerm(id, TextInputs.date("termEnd", b.termEnd));
        return Response.ok(new Views.RepresentativeView(r.getId(), r.getResidentId(), r.getName(), r.getTermStart(),
                r.getTermEnd(), false)).build();
    }

    @GET
    @Path("communities/{code}/meetings")
    public List<Views.MeetingView> meetings(@PathParam("code") String code) {
        return meetings.meetings(code);
    }

    @POST
    @Path("communities/{code}/meetings")
    public Response createMeeting(@PathParam("code") String code, MeetingInput in) {
        MeetingInput b = body(in, new MeetingInput());
        ValidationException.Collector errors = new ValidationException.Collector();
        Instant at = TextInputs.time("heldAt", b.heldAt, errors);
        errors.throwIfAny();
        Meeting m = meetings.createMeeting(code, b.title, at, b.place, b.agenda);
        return Response.status(201).entity(meetings.meetingView(m.getId())).build();
    }

    @POST
    @Path("meetings/{id}/attendance")
    public Views.MeetingView attendance(@PathParam("id") long id, AttendanceInput in) {
        return meetings.recordAttendance(id, in == null ? null : in.present);
    }

    @PUT
    @Path("meetings/{id}/minutes")
    public Views.MeetingView minutes(@PathParam("id") long id, MinutesInput in) {
        meetings.recordMinutes(id, in == null ? null : in.minutes);
        return meetings.meetingView(id);
    }

    @GET
    @Path("communities/{code}/vote-rules")
    public Views.RulesView rules(@PathParam("code") String code) {
        return meetings.rules(code);
    }

    @PUT
    @Path("communities/{code}/vote-rules")
    public Views.RulesView setRules(@PathParam("code") String code, RulesInput in) {
        RulesInput b = body(in, new RulesInput());
        return meetings.setRules(code, b.quorumNumerator, b.quorumDenominator, b.majorityNumerator,
                b.majorityDenominator, b.reviewMonths);
    }

    // ---------------------------------------------------------------- decisions

    @GET
    @Path("communities/{code}/decisions")
    public List<Views.DecisionView> decisions(@PathParam("code") String code) {
        return decisions.decisions(code);
    }

    @PUT
    @Path("decisions/{id}/follow-up")
    public Views.DecisionView followUp(@PathParam("id") long id, FollowUpInput in) {
        FollowUpInput b = body(in, new FollowUpInput());
        return decisions.followUp(id, b.implementation, b.followUp, b.dockingActionId);
    }

    // ---------------------------------------------------------------- self-examination

    @GET
    @Path("communities/{code}/reviews")
    public Views.ReviewsPage reviews(@PathParam("code") String code) {
        return reviews.reviews(code);
    }

    @POST
    @Path("communities/{code}/reviews")
    public Response review(@PathParam("code") String code, ReviewInput in) {
        ReviewInput b = body(in, new ReviewInput());
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate start = FormInputs.optionalDate("periodStart", b.periodStart, errors);
        LocalDate end = FormInputs.optionalDate("periodEnd", b.periodEnd, errors);
        errors.throwIfAny();
        return Response.status(201).entity(new Created(reviews.record(code, start, end, b.satisfaction, b.coordination,
                b.ethics, b.findings).getId(), null, null)).build();
    }

    @POST
    @Path("reviews/{id}/actions")
    public Response addAction(@PathParam("id") long id, CorrectiveInput in) {
        CorrectiveInput b = body(in, new CorrectiveInput());
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate due = FormInputs.optionalDate("dueOn", b.dueOn, errors);
        errors.throwIfAny();
        return Response.status(201).entity(new Created(reviews.addAction(id, b.description, b.owner, due).getId(),
                "OPEN", null)).build();
    }

    @POST
    @Path("corrective-actions/{id}/close")
    public Response closeAction(@PathParam("id") long id, CloseInput in) {
        reviews.closeAction(id, in == null ? null : in.closingNote);
        return Response.ok(new Created(id, "CLOSED", null)).build();
    }

    private static Response created(Proposal p) {
        return Response.status(201).entity(new Created(p.getId(), p.getStatus().name(), p.getRevision())).build();
    }
}
