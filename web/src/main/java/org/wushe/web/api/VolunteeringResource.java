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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.wushe.points.application.RewardService;
import org.wushe.points.domain.Redemption;
import org.wushe.points.domain.Reward;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.TextInputs;
import org.wushe.volunteering.application.HoursService;
import org.wushe.volunteering.application.PartyService;
import org.wushe.volunteering.application.VolunteerService;
import org.wushe.volunteering.domain.Certification;
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.volunteering.domain.Shift;
import org.wushe.volunteering.domain.ShiftSignup;
import org.wushe.volunteering.domain.VolunteerPosition;
import org.wushe.volunteering.domain.WhistleCall;
import org.wushe.volunteering.domain.WhistleResponse;

/**
 * Volunteering, points and whistle calls through the API, with the services' rules and scope:
 * positions and shifts ({@code /api/communities/{code}/positions}, {@code /api/positions/{id}/shifts}),
 * sign-up ({@code POST /api/shifts/{id}/signups}), certifications ({@code /api/volunteers/{resident}/certifications}), hours and their verification
 * ({@code /api/hours...}), rewards and redemptions, and whistle calls. The caller's own points and
 * Party report are at {@code /api/me/...} ({@link MeResource}).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "training")
public class VolunteeringResource {

    @EJB
    VolunteerService volunteers;

    @EJB
    HoursService hours;

    @EJB
    RewardService rewards;

    @EJB
    PartyService party;

    /** Request bodies: plain fields, read leniently and checked by the services. */
    public static class PositionInput {
        public String name;
        public String type;
        public String supervisorUsername;
        public List<String> requiredCertifications;
        public String description;
    }

    public static class ShiftInput {
        public String startsAt;
        public String endsAt;
        public Integer places;
    }

    public static class CertificationInput {
        public String code;
        public String name;
        public String expiresOn;
    }

    public static class HoursInput {
        public Long positionId;
        public Long shiftId;
        public Long residentId;
        public String startedAt;
        public String endedAt;
        public String description;
    }

    public static class ReasonInput {
        public String reason;
    }

    public static class IdsInput {
        public List<Long> ids;
    }

    public static class RewardInput {
        public String name;
        public String kind;
        public Long cost;
        public Integer stock;
    }

    public static class ReportInput {
        public String workUnit;
        public String contact;
        public String commitments;
    }

    public static class CallInput {
        public String title;
        public Integer needed;
        public String startsAt;
        public String endsAt;
        public Long needId;
    }

    public static class ConfirmInput {
        public Boolean present;
    }

    /** A shift without its position object. */
    public record ShiftView(Long id, Long positionId, Instant startsAt, Instant endsAt, int places) {
        static ShiftView of(Shift s) {
            return new ShiftView(s.getId(), s.getPosition().getId(), s.getStartsAt(), s.getEndsAt(), s.getPlaces());
        }
    }

    @GET
    @Path("communities/{code}/positions")
    public List<VolunteerPosition> positions(@PathParam("code") String code) {
        return volunteers.positions(code);
    }

    @POST
    @Path("communities/{code}/positions")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = VolunteerPosition.class)))
    public Response createPosition(@PathParam("code") String code, PositionInput in) {
        PositionInput b = in == null ? new PositionInput() : in;
        VolunteerPosition p = volunteers.createPosition(code, b.name, b.type, b.supervisorUsername,
                b.requiredCertifications == null ? Set.of() : Set.copyOf(b.requiredCertifications), b.description);
        return Response.status(201).entity(p).build();
    }

    @POST
    @Path("positions/{id}/shifts")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = ShiftView.class)))
    public Response addShift(@PathParam("id") long positionId, ShiftInput in) {
        ShiftInput b = in == null ? new ShiftInput() : in;
        Shift s = volunteers.addShift(positionId, TextInputs.time("startsAt", b.startsAt), TextInputs.time("endsAt", b.endsAt),
                b.places == null ? 0 : b.places);
        return Response.status(201).entity(ShiftView.of(s)).build();
    }

    @POST
    @Path("shifts/{id}/signups")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = ShiftSignup.class)))
    public Response signUp(@PathParam("id") long shiftId) {
        ShiftSignup s = volunteers.signUp(shiftId);
        return Response.status(201).entity(s).build();
    }

    @GET
    @Path("volunteers/{id}/certifications")
    public List<Certification> certifications(@PathParam("id") long residentId) {
        return volunteers.certifications(residentId);
    }

    @POST
    @Path("volunteers/{id}/certifications")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Certification.class)))
    public Response certify(@PathParam("id") long residentId, CertificationInput in) {
        CertificationInput b = in == null ? new CertificationInput() : in;
        return Response.status(201)
                .entity(volunteers.certify(residentId, b.code, b.name, TextInputs.date("expiresOn", b.expiresOn))).build();
    }

    @POST
    @Path("hours")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = ServiceHours.class)))
    public Response record(HoursInput in) {
        HoursInput b = in == null ? new HoursInput() : in;
        ServiceHours h = hours.record(b.positionId, b.shiftId, b.residentId, TextInputs.time("startedAt", b.startedAt),
                TextInputs.time("endedAt", b.endedAt), b.description);
        return Response.status(201).entity(h).build();
    }

    @GET
    @Path("hours/queue")
    public List<ServiceHours> queue(@QueryParam("week") String week) {
        return hours.queue(TextInputs.date("week", week));
    }

    @POST
    @Path("hours/{id}/verify")
    public ServiceHours verify(@PathParam("id") long id) {
        return hours.verify(id);
    }

    @POST
    @Path("hours/verify")
    public List<HoursService.Outcome> verifyAll(IdsInput in) {
        if (in == null || in.ids == null || in.ids.isEmpty()) {
            throw ValidationException.of("ids", "hours.ids.required");
        }
        return hours.verifyAll(in.ids);
    }

    @POST
    @Path("hours/{id}/reject")
    public ServiceHours reject(@PathParam("id") long id, ReasonInput in) {
        return hours.reject(id, in == null ? null : in.reason);
    }

    @POST
    @Path("hours/{id}/reverse")
    @ApiResponse(responseCode = "201", description = "the reversing entry",
            content = @Content(schema = @Schema(implementation = ServiceHours.class)))
    public Response reverse(@PathParam("id") long id, ReasonInput in) {
        return Response.status(201).entity(hours.reverse(id, in == null ? null : in.reason)).build();
    }

    @GET
    @Path("communities/{code}/rewards")
    public List<Reward> catalogue(@PathParam("code") String code) {
        return rewards.catalogue(code);
    }

    @POST
    @Path("communities/{code}/rewards")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Reward.class)))
    public Response addReward(@PathParam("code") String code, RewardInput in) {
        RewardInput b = in == null ? new RewardInput() : in;
        Reward.Kind kind = null;
        if (b.kind != null) {
            try {
                kind = Reward.Kind.valueOf(b.kind.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("kind", "reward.kind.required");
            }
        }
        return Response.status(201).entity(rewards.addReward(code, b.name, kind, b.cost == null ? 0 : b.cost,
                b.stock == null ? 0 : b.stock)).build();
    }

    @POST
    @Path("rewards/{id}/redemptions")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Redemption.class)))
    public Response redeem(@PathParam("id") long rewardId) {
        Redemption r = rewards.redeem(rewardId);
        return Response.status(201).entity(r).build();
    }

    @POST
    @Path("redemptions/{id}/cancel")
    public Redemption cancel(@PathParam("id") long id, ReasonInput in) {
        return rewards.cancel(id, in == null ? null : in.reason);
    }

    @GET
    @Path("communities/{code}/whistle-calls")
    public List<PartyService.CallView> whistleBoard(@PathParam("code") String code) {
        return party.board(code);
    }

    @POST
    @Path("communities/{code}/whistle-calls")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = WhistleCall.class)))
    public Response post(@PathParam("code") String code, CallInput in) {
        CallInput b = in == null ? new CallInput() : in;
        WhistleCall c = party.post(code, b.title, b.needed == null ? 0 : b.needed, TextInputs.time("startsAt", b.startsAt),
                TextInputs.time("endsAt", b.endsAt), b.needId);
        return Response.status(201).entity(c).build();
    }

    @POST
    @Path("whistle-calls/{id}/answers")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = WhistleResponse.class)))
    public Response answer(@PathParam("id") long callId) {
        WhistleResponse r = party.answer(callId);
        return Response.status(201).entity(r).build();
    }

    @POST
    @Path("whistle-answers/{id}/confirm")
    public WhistleResponse confirm(@PathParam("id") long id, ConfirmInput in) {
        if (in == null || in.present == null) {
            throw ValidationException.of("present", "whistle.present.required");
        }
        return party.confirm(id, in.present);
    }
}
