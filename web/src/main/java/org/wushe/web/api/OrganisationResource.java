package org.wushe.web.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.wushe.organisation.application.OrganisationRecordService;
import org.wushe.organisation.application.OrganisationService;
import org.wushe.organisation.application.OrganisationSettingsService;
import org.wushe.organisation.application.OrganisationTierService;
import org.wushe.organisation.application.OrganisationViews;
import org.wushe.organisation.domain.TierRule;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.FormInputs;

/**
 * Community organisations through the API, with the services' rules and scope: a community's list
 * with tiers ({@code GET /api/organisations?community=C001}), registration ({@code POST} the same),
 * one organisation ({@code /api/organisations/{id}}, its {@code reveal}, {@code members},
 * {@code activities}, {@code funding/{year}}, {@code recognitions}, {@code checklist/{itemId}}), a
 * member's leaving ({@code /api/organisations/members/{id}/leave}), the tier overview
 * ({@code /api/organisations/overview?subDistrict=SD01}) and the bureau's settings
 * ({@code /api/organisations/settings/thresholds[/{tier}]}, {@code /api/organisations/settings/checklist[/{id}]}).
 * Dates are {@code yyyy-MM-dd}; money is in fen.
 */
@Path("organisations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "incubation")
public class OrganisationResource {

    @EJB
    OrganisationService organisations;

    @EJB
    OrganisationRecordService records;

    @EJB
    OrganisationTierService tiers;

    @EJB
    OrganisationSettingsService settings;

    /** Request bodies: plain fields, read leniently and checked by the services. */
    public static class RegistrationInput {
        public String name;
        public String type;
        public String foundedOn;
        public Long leaderResidentId;
        public String actorType;
    }

    public static class RevealInput {
        public String purpose;
    }

    public static class MemberInput {
        public Long residentId;
        public String joinedOn;
    }

    public static class LeaveInput {
        public String leftOn;
    }

    public static class ActivityInput {
        public String heldOn;
        public String title;
        public Integer participants;
        public BigDecimal satisfaction;
        public Integer respondents;
    }

    public static class FundingInput {
        public Long selfRaisedFen;
        public Long externalFen;
    }

    public static class RecognitionInput {
        public String title;
        public String awardedBy;
        public String awardedOn;
    }

    public static class ThresholdInput {
        public Integer minActivities;
        public Integer minMembers;
        public Integer minSelfSharePercent;
        public BigDecimal minSatisfaction;
        public Integer minYears;
    }

    public static class ChecklistItemInput {
        public String tier;
        public String kind;
        public String title;
        public Integer sortOrder;
    }

    @GET
    public List<OrganisationViews.OrganisationRow> list(@QueryParam("community") String community) {
        return organisations.list(community);
    }

    @POST
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = OrganisationViews.OrganisationDetail.class)))
    public Response register(@QueryParam("community") String community, RegistrationInput in) {
        RegistrationInput b = in == null ? new RegistrationInput() : in;
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate founded = FormInputs.optionalDate("foundedOn", b.foundedOn, errors);
        errors.throwIfAny();
        return Response.status(201).entity(organisations.register(community,
                new OrganisationService.RegistrationForm(b.name, b.type, founded, b.leaderResidentId, b.actorType)))
                .build();
    }

    @GET
    @Path("{id: \\d+}")
    public OrganisationViews.OrganisationDetail detail(@PathParam("id") long id) {
        return organisations.detail(id);
    }

    /** The page with full names; the purpose is written to the audit log. */
    @POST
    @Path("{id: \\d+}/reveal")
    public OrganisationViews.OrganisationDetail reveal(@PathParam("id") long id, RevealInput in) {
        return organisations.reveal(id, in == null ? null : in.purpose);
    }

    @POST
    @Path("{id: \\d+}/members")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = OrganisationViews.MemberView.class)))
    public Response addMember(@PathParam("id") long id, MemberInput in) {
        MemberInput b = in == null ? new MemberInput() : in;
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate joined = FormInputs.optionalDate("joinedOn", b.joinedOn, errors);
        errors.throwIfAny();
        return Response.status(201).entity(organisations.addMember(id, b.residentId, joined)).build();
    }

    @POST
    @Path("members/{memberId: \\d+}/leave")
    @ApiResponse(responseCode = "204", description = "left")
    public Response leave(@PathParam("memberId") long memberId, LeaveInput in) {
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate left = FormInputs.optionalDate("leftOn", in == null ? null : in.leftOn, errors);
        errors.throwIfAny();
        organisations.memberLeaves(memberId, left);
        return Response.noContent().build();
    }

    @POST
    @Path("{id: \\d+}/activities")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = OrganisationViews.ActivityView.class)))
    public Response addActivity(@PathParam("id") long id, ActivityInput in) {
        ActivityInput b = in == null ? new ActivityInput() : in;
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate held = FormInputs.optionalDate("heldOn", b.heldOn, errors);
        errors.throwIfAny();
        return Response.status(201).entity(records.addActivity(id, new OrganisationRecordService.ActivityForm(held,
                b.title, b.participants, b.satisfaction, b.respondents))).build();
    }

    @PUT
    @Path("{id: \\d+}/funding/{year: \\d+}")
    public OrganisationViews.FundingView funding(@PathParam("id") long id, @PathParam("year") int year,
                                                 FundingInput in) {
        FundingInput b = in == null ? new FundingInput() : in;
        return records.setFunding(id, year, b.selfRaisedFen, b.externalFen);
    }

    @POST
    @Path("{id: \\d+}/recognitions")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = OrganisationViews.RecognitionView.class)))
    public Response addRecognition(@PathParam("id") long id, RecognitionInput in) {
        RecognitionInput b = in == null ? new RecognitionInput() : in;
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate on = FormInputs.optionalDate("awardedOn", b.awardedOn, errors);
        errors.throwIfAny();
        return Response.status(201).entity(records.addRecognition(id, b.title, b.awardedBy, on)).build();
    }

    @POST
    @Path("{id: \\d+}/checklist/{itemId: \\d+}")
    public OrganisationViews.ChecklistEntry tick(@PathParam("id") long id, @PathParam("itemId") long itemId) {
        return tiers.tick(id, itemId);
    }

    @GET
    @Path("overview")
    public List<OrganisationViews.CommunityTiers> overview(@QueryParam("subDistrict") String subDistrict) {
        return tiers.overview(subDistrict);
    }

    @GET
    @Path("settings/thresholds")
    public List<TierRule> thresholds() {
        return settings.thresholds();
    }

    @PUT
    @Path("settings/thresholds/{tier}")
    public TierRule setThresholds(@PathParam("tier") String tier, ThresholdInput in) {
        ThresholdInput b = in == null ? new ThresholdInput() : in;
        return settings.setThresholds(tier, new OrganisationSettingsService.ThresholdForm(b.minActivities,
                b.minMembers, b.minSelfSharePercent, b.minSatisfaction, b.minYears));
    }

    @GET
    @Path("settings/checklist")
    public List<OrganisationViews.ChecklistItemView> checklist() {
        return settings.checklist();
    }

    @POST
    @Path("settings/checklist")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = OrganisationViews.ChecklistItemView.class)))
    public Response addChecklistItem(ChecklistItemInput in) {
        ChecklistItemInput b = in == null ? new ChecklistItemInput() : in;
        return Response.status(201).entity(settings.addChecklistItem(b.tier, b.kind, b.title, b.sortOrder)).build();
    }

    @DELETE
    @Path("settings/checklist/{id: \\d+}")
    @ApiResponse(responseCode = "204", description = "retired")
    public Response retire(@PathParam("id") long id) {
        settings.retireChecklistItem(id);
        return Response.noContent().build();
    }
}
