package org.wushe.web.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.application.VoteService;
import org.wushe.deliberation.domain.Issue;
import org.wushe.deliberation.domain.Proposal;
import org.wushe.deliberation.domain.Vote;

/**
 * Deliberation issues through the API: a community's issue board and raising an issue
 * ({@code /api/communities/{code}/issues}), one issue with its workflow ({@code /api/issues/{id}}) and
 * its steps ({@code /api/issues/{id}/reclassification|comments|summary|proposals|decision|votes}), with
 * the services' rules and scope. The rest of the zone: {@link ProposalResource}, {@link VoteResource},
 * {@link MeetingResource}, {@link DeliberationResource}.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "deliberation")
public class IssueResource {

    @EJB
    IssueService issues;

    @EJB
    VoteService votes;

    /* Request bodies: plain fields, read leniently and checked by the services. */

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

    public static class DecisionInput {
        public String decision;
        public String reasons;
    }

    public static class VoteInput {
        public Long meetingId;
        public Boolean secret;
    }

    @GET
    @Path("communities/{code}/issues")
    public List<Views.IssueRow> board(@PathParam("code") String code, @QueryParam("nature") String nature,
                                      @QueryParam("stage") String stage) {
        return issues.board(code, nature, stage);
    }

    @POST
    @Path("communities/{code}/issues")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Views.IssueDetail.class)))
    public Response raise(@PathParam("code") String code, IssueInput in) {
        IssueInput b = DeliberationBodies.body(in, new IssueInput());
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
        ReclassifyInput b = DeliberationBodies.body(in, new ReclassifyInput());
        issues.reclassify(id, b.nature, b.reason);
        return issues.detail(id);
    }

    @POST
    @Path("issues/{id}/comments")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = DeliberationBodies.Created.class)))
    public Response comment(@PathParam("id") long id, CommentInput in) {
        CommentInput b = DeliberationBodies.body(in, new CommentInput());
        return Response.status(201).entity(new DeliberationBodies.Created(issues.comment(id, b.authorKind, b.authorName, b.body).getId(),
                null, null)).build();
    }

    @POST
    @Path("issues/{id}/summary")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = DeliberationBodies.Created.class)))
    public Response summarise(@PathParam("id") long id, SummaryInput in) {
        SummaryInput b = DeliberationBodies.body(in, new SummaryInput());
        return created(issues.summarise(id, b.summary, b.title, b.body));
    }

    @POST
    @Path("issues/{id}/proposals")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = DeliberationBodies.Created.class)))
    public Response propose(@PathParam("id") long id, ProposalResource.ProposalInput in) {
        ProposalResource.ProposalInput b = DeliberationBodies.body(in, new ProposalResource.ProposalInput());
        return created(issues.submitProposal(id, b.title, b.body, b.costFen));
    }

    @POST
    @Path("issues/{id}/decision")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Views.DecisionView.class)))
    public Response decide(@PathParam("id") long id, DecisionInput in) {
        DecisionInput b = DeliberationBodies.body(in, new DecisionInput());
        issues.decide(id, b.decision, b.reasons);
        return Response.status(201).entity(issues.detail(id).decision()).build();
    }

    @POST
    @Path("issues/{id}/votes")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Views.VoteView.class)))
    public Response openVote(@PathParam("id") long id, VoteInput in) {
        VoteInput b = DeliberationBodies.body(in, new VoteInput());
        Vote v = votes.open(id, b.meetingId, Boolean.TRUE.equals(b.secret));
        return Response.status(201).entity(votes.vote(v.getId())).build();
    }

    private static Response created(Proposal p) {
        return Response.status(201).entity(new DeliberationBodies.Created(p.getId(), p.getStatus().name(), p.getRevision())).build();
    }
}
