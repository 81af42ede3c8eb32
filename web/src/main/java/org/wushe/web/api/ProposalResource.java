package org.wushe.web.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.application.VetoService;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.domain.Proposal;
import org.wushe.deliberation.domain.Veto;

/**
 * A deliberation proposal through the API: its revision after a veto and the Party secretary's veto
 * ({@code /api/proposals/{id}/revision|vetoes}). A proposal is submitted on its issue
 * ({@link IssueResource}).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "deliberation")
public class ProposalResource {

    @EJB
    IssueService issues;

    @EJB
    VetoService vetoes;

    /* Request bodies: plain fields, read leniently and checked by the services. */

    public static class ProposalInput {
        public String title;
        public String body;
        /** The option's cost in fen (1 yuan = 100 fen). */
        public Long costFen;
    }

    public static class VetoInput {
        public String ground;
        public String reason;
    }

    @POST
    @Path("proposals/{id}/revision")
    public Views.ProposalView resubmit(@PathParam("id") long id, ProposalInput in) {
        ProposalInput b = DeliberationBodies.body(in, new ProposalInput());
        Proposal p = issues.resubmit(id, b.title, b.body, b.costFen);
        return issues.detail(p.getIssueId()).proposals().stream().filter(x -> x.id().equals(p.getId())).findFirst()
                .orElseThrow();
    }

    @POST
    @Path("proposals/{id}/vetoes")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Views.VetoView.class)))
    public Response veto(@PathParam("id") long id, VetoInput in) {
        VetoInput b = DeliberationBodies.body(in, new VetoInput());
        Veto v = vetoes.veto(id, b.ground, b.reason);
        return Response.status(201).entity(new Views.VetoView(v.getId(), v.getProposalId(), v.getProposalRevision(),
                v.getGround().name(), v.getReason(), v.getVetoedByName(), v.getVetoedAt())).build();
    }
}
