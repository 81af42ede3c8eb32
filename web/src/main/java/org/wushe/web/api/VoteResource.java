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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.application.VoteService;

/**
 * A representatives' vote through the API: the vote with its tallies once closed, ballots, declared
 * conflicts of interest and closing ({@code /api/votes/{id}}, {@code /api/votes/{id}/ballots|conflicts|close}).
 * A vote is opened on its issue ({@link IssueResource}).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "deliberation")
public class VoteResource {

    @EJB
    VoteService votes;

    /* Request bodies: plain fields, read leniently and checked by the services. */

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

    @GET
    @Path("votes/{id}")
    public Views.VoteView vote(@PathParam("id") long id) {
        return votes.vote(id);
    }

    @POST
    @Path("votes/{id}/ballots")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = DeliberationBodies.Created.class)))
    public Response cast(@PathParam("id") long id, BallotInput in) {
        BallotInput b = DeliberationBodies.body(in, new BallotInput());
        votes.cast(id, b.representativeId, b.choice, b.proposalId);
        return Response.status(201).entity(new DeliberationBodies.Created(id, "CAST", null)).build();
    }

    @POST
    @Path("votes/{id}/conflicts")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = DeliberationBodies.Created.class)))
    public Response conflict(@PathParam("id") long id, ConflictInput in) {
        ConflictInput b = DeliberationBodies.body(in, new ConflictInput());
        votes.declareConflict(id, b.representativeId, b.reason);
        return Response.status(201).entity(new DeliberationBodies.Created(id, "RECUSED", null)).build();
    }

    @POST
    @Path("votes/{id}/close")
    public Views.VoteView close(@PathParam("id") long id) {
        return votes.close(id);
    }
}
