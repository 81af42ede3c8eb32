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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.wushe.deliberation.application.DecisionService;
import org.wushe.deliberation.application.ReviewService;
import org.wushe.deliberation.application.Views;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.FormInputs;

/**
 * The joint deliberation zone through the API, its published decisions and self-examination: a
 * community's decisions and reviews ({@code /api/communities/{code}/decisions|reviews}), follow-up of a
 * decision ({@code /api/decisions/{id}/follow-up}), corrective actions of a review
 * ({@code /api/reviews/{id}/actions}, {@code /api/corrective-actions/{id}/close}). Issues, proposals,
 * votes, and representatives with meetings have their own resources: {@link IssueResource},
 * {@link ProposalResource}, {@link VoteResource}, {@link MeetingResource}.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "deliberation")
public class DeliberationResource {

    @EJB
    DecisionService decisions;

    @EJB
    ReviewService reviews;

    /* Request bodies: plain fields, read leniently and checked by the services. */

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

    @GET
    @Path("communities/{code}/decisions")
    public List<Views.DecisionView> decisions(@PathParam("code") String code) {
        return decisions.decisions(code);
    }

    @PUT
    @Path("decisions/{id}/follow-up")
    public Views.DecisionView followUp(@PathParam("id") long id, FollowUpInput in) {
        FollowUpInput b = DeliberationBodies.body(in, new FollowUpInput());
        return decisions.followUp(id, b.implementation, b.followUp, b.dockingActionId);
    }

    @GET
    @Path("communities/{code}/reviews")
    public Views.ReviewsPage reviews(@PathParam("code") String code) {
        return reviews.reviews(code);
    }

    @POST
    @Path("communities/{code}/reviews")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = DeliberationBodies.Created.class)))
    public Response review(@PathParam("code") String code, ReviewInput in) {
        ReviewInput b = DeliberationBodies.body(in, new ReviewInput());
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate start = FormInputs.optionalDate("periodStart", b.periodStart, errors);
        LocalDate end = FormInputs.optionalDate("periodEnd", b.periodEnd, errors);
        errors.throwIfAny();
        return Response.status(201).entity(new DeliberationBodies.Created(reviews.record(code, start, end, b.satisfaction, b.coordination,
                b.ethics, b.findings).getId(), null, null)).build();
    }

    @POST
    @Path("reviews/{id}/actions")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = DeliberationBodies.Created.class)))
    public Response addAction(@PathParam("id") long id, CorrectiveInput in) {
        CorrectiveInput b = DeliberationBodies.body(in, new CorrectiveInput());
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate due = FormInputs.optionalDate("dueOn", b.dueOn, errors);
        errors.throwIfAny();
        return Response.status(201).entity(new DeliberationBodies.Created(reviews.addAction(id, b.description, b.owner, due).getId(),
                "OPEN", null)).build();
    }

    @POST
    @Path("corrective-actions/{id}/close")
    @ApiResponse(responseCode = "200", description = "closed",
            content = @Content(schema = @Schema(implementation = DeliberationBodies.Created.class)))
    public Response closeAction(@PathParam("id") long id, CloseInput in) {
        reviews.closeAction(id, in == null ? null : in.closingNote);
        return Response.ok(new DeliberationBodies.Created(id, "CLOSED", null)).build();
    }
}
