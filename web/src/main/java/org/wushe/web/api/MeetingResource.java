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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wushe.deliberation.application.MeetingService;
import org.wushe.deliberation.application.Views;
import org.wushe.deliberation.domain.Meeting;
import org.wushe.deliberation.domain.Representative;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.FormInputs;
import org.wushe.web.support.TextInputs;

/**
 * A community's representatives, meetings and vote rules through the API
 * ({@code /api/communities/{code}/representatives|meetings|vote-rules}), a representative's end of
 * term ({@code /api/representatives/{id}/term-end}), and a meeting's attendance and minutes
 * ({@code /api/meetings/{id}/attendance|minutes}).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "deliberation")
public class MeetingResource {

    @EJB
    MeetingService meetings;

    /* Request bodies: plain fields, read leniently and checked by the services. */

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

    @GET
    @Path("communities/{code}/representatives")
    public List<Views.RepresentativeView> representatives(@PathParam("code") String code,
                                                          @QueryParam("all") boolean all) {
        return meetings.representatives(code, all);
    }

    @POST
    @Path("communities/{code}/representatives")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Views.RepresentativeView.class)))
    public Response appoint(@PathParam("code") String code, RepresentativeInput in) {
        RepresentativeInput b = DeliberationBodies.body(in, new RepresentativeInput());
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
    @ApiResponse(responseCode = "200", description = "the term ended",
            content = @Content(schema = @Schema(implementation = Views.RepresentativeView.class)))
    public Response endTerm(@PathParam("id") long id, TermEndInput in) {
        TermEndInput b = DeliberationBodies.body(in, new TermEndInput());
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
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Views.MeetingView.class)))
    public Response createMeeting(@PathParam("code") String code, MeetingInput in) {
        MeetingInput b = DeliberationBodies.body(in, new MeetingInput());
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
        RulesInput b = DeliberationBodies.body(in, new RulesInput());
        return meetings.setRules(code, b.quorumNumerator, b.quorumDenominator, b.majorityNumerator,
                b.majorityDenominator, b.reviewMonths);
    }
}
