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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wushe.shared.ValidationException;
import org.wushe.training.application.CourseService;
import org.wushe.training.application.EnrolmentService;
import org.wushe.training.application.LadderService;
import org.wushe.training.application.TrainingResultService;
import org.wushe.training.application.TrainingViews;
import org.wushe.training.domain.Course;
import org.wushe.training.domain.Enrolment;
import org.wushe.training.domain.ResidentCapacity;
import org.wushe.training.domain.TrainingPractice;
import org.wushe.training.domain.TrainingSession;
import org.wushe.web.support.TextInputs;

/**
 * Capacity training through the API, with the services' rules and scope: a community's course
 * catalogue ({@code /api/communities/{code}/courses}), sessions of a course
 * ({@code /api/courses/{id}/sessions}), enrolment, trainees and attendance of a session
 * ({@code /api/sessions/{id}/...}), assessment and practice of an enrolment
 * ({@code /api/enrolments/{id}/...}), the signed-in resident's trainings ({@code /api/my/trainings}),
 * capacity levels ({@code /api/capacity-levels/{residentId}}) and the participation ladder with its
 * snapshots ({@code /api/communities/{code}/ladder}).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "training")
public class TrainingResource {

    @EJB
    CourseService courseService;

    @EJB
    EnrolmentService enrolments;

    @EJB
    TrainingResultService results;

    @EJB
    LadderService ladders;

    /** Request bodies: plain fields, read leniently and checked by the services. */
    public static class CourseInput {
        public String title;
        public String syllabus;
        public String targetGroup;
        public Integer requiredLevel;
        public Integer passMark;
        public String certificationCode;
        public String certificationName;
        public Integer validityMonths;
        public String practiceKind;
    }

    public static class SessionInput {
        public String startsAt;
        public String endsAt;
        public String place;
        public String trainer;
        public Integer places;
    }

    public static class EnrolmentInput {
        public Long residentId;
        public String gridWorker;
    }

    public static class AttendanceInput {
        /** Enrolment id → present. */
        public Map<String, Boolean> present;
    }

    public static class AssessmentInput {
        public Integer score;
    }

    public static class CapacityInput {
        public Integer level;
        public String reason;
    }

    public static class SnapshotInput {
        /** Any day of the month, {@code yyyy-MM-dd}. */
        public String month;
    }

    /** A snapshot as taken: the month and how many residents stand above the bottom rung. */
    public record SnapshotTaken(String communityCode, LocalDate month, int aboveBottom) {
    }

    // ---------------------------------------------------------------- catalogue

    @GET
    @Path("communities/{code}/courses")
    public List<TrainingViews.CourseView> catalogue(@PathParam("code") String code) {
        return courseService.catalogue(code);
    }

    @POST
    @Path("communities/{code}/courses")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Course.class)))
    public Response createCourse(@PathParam("code") String code, CourseInput in) {
        CourseInput b = in == null ? new CourseInput() : in;
        Course c = courseService.createCourse(code, new TrainingViews.CourseForm(b.title, b.syllabus, b.targetGroup,
                b.requiredLevel, b.passMark, b.certificationCode, b.certificationName, b.validityMonths,
                b.practiceKind));
        return Response.status(201).entity(c).build();
    }

    @POST
    @Path("courses/{id}/sessions")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = TrainingSession.class)))
    public Response addSession(@PathParam("id") long id, SessionInput in) {
        SessionInput b = in == null ? new SessionInput() : in;
        ValidationException.Collector errors = new ValidationException.Collector();
        var startsAt = TextInputs.time("startsAt", b.startsAt, errors);
        var endsAt = TextInputs.time("endsAt", b.endsAt, errors);
        errors.throwIfAny();
        TrainingSession s = courseService.addSession(id, startsAt, endsAt, b.place, b.trainer, b.places);
        return Response.status(201).entity(s).build();
    }

    // ---------------------------------------------------------------- trainees

    /** A resident enrols themself with an empty body; staff name a resident or a grid worker's account. */
    @POST
    @Path("sessions/{id}/enrolments")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Enrolment.class)))
    public Response enrol(@PathParam("id") long id, EnrolmentInput in) {
        EnrolmentInput b = in == null ? new EnrolmentInput() : in;
        Enrolment e = enrolments.enrol(id, b.residentId, b.gridWorker);
        return Response.status(201).entity(e).build();
    }

    @GET
    @Path("sessions/{id}/trainees")
    public List<TrainingViews.TraineeView> trainees(@PathParam("id") long id) {
        return results.trainees(id);
    }

    @POST
    @Path("sessions/{id}/attendance")
    public List<TrainingViews.TraineeView> attendance(@PathParam("id") long id, AttendanceInput in) {
        Map<Long, Boolean> present = new LinkedHashMap<>();
        if (in != null && in.present != null) {
            ValidationException.Collector errors = new ValidationException.Collector();
            in.present.forEach((k, v) -> {
                try {
                    present.put(Long.valueOf(k.strip()), Boolean.TRUE.equals(v));
                } catch (NumberFormatException e) {
                    errors.add("present", "training.enrolment.unknown", k);
                }
            });
            errors.throwIfAny();
        }
        results.attendance(id, present);
        return results.trainees(id);
    }

    @POST
    @Path("enrolments/{id}/assessment")
    public Enrolment assess(@PathParam("id") long id, AssessmentInput in) {
        return results.assess(id, in == null ? null : in.score);
    }

    @POST
    @Path("enrolments/{id}/practice")
    public TrainingPractice practice(@PathParam("id") long id) {
        return results.linkPractice(id);
    }

    /** The signed-in resident's trainings and certificates ({@code /api/me} belongs to another resource). */
    @GET
    @Path("my/trainings")
    public List<TrainingViews.MyTraining> myTrainings() {
        return enrolments.myTrainings();
    }

    // ---------------------------------------------------------------- capacity levels and the ladder

    @PUT
    @Path("capacity-levels/{residentId}")
    public ResidentCapacity capacity(@PathParam("residentId") long residentId, CapacityInput in) {
        CapacityInput b = in == null ? new CapacityInput() : in;
        return enrolments.setCapacityLevel(residentId, b.level, b.reason);
    }

    @GET
    @Path("communities/{code}/ladder")
    public LadderService.LadderView ladder(@PathParam("code") String code) {
        return ladders.ladder(code);
    }

    @POST
    @Path("communities/{code}/ladder/snapshots")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = SnapshotTaken.class)))
    public Response snapshot(@PathParam("code") String code, SnapshotInput in) {
        LocalDate day = TextInputs.date("month", in == null ? null : in.month);
        int above = ladders.snapshot(code, day);
        return Response.status(201)
                .entity(new SnapshotTaken(code.strip().toUpperCase(), day.withDayOfMonth(1), above)).build();
    }
}
