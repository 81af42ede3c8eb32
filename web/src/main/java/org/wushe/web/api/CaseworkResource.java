package org.wushe.web.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import org.wushe.casework.application.CaseworkSettings;
import org.wushe.casework.application.GridWorkService;
import org.wushe.casework.application.JointMeetingService;
import org.wushe.casework.application.ReferralService;
import org.wushe.casework.domain.JointDepartment;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.TextInputs;

/**
 * Grid work, referrals and the tasks of joint handling plans through the API, with the services'
 * rules and scope: a community's patrol log and grid records ({@code /api/communities/{code}/patrols},
 * {@code .../grid-records}), logging and joining patrols ({@code /api/patrols}), referrals with their
 * inbox, outbox, decisions and history ({@code /api/referrals/...}; there is no DELETE), and the
 * plan's tasks ({@code /api/joint-meetings/{id}/tasks}, {@code /api/meeting-tasks/{id}/completion},
 * {@code /api/communities/{code}/meeting-tasks/overdue}), and the rules: deadlines and stubborn
 * period ({@code /api/casework-settings}, {@code /api/communities/{code}/casework-settings}) and the
 * departments a meeting may invite ({@code /api/joint-departments}). Case records are not served here.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "grid")
public class CaseworkResource {

    @EJB
    GridWorkService grid;

    @EJB
    ReferralService referrals;

    @EJB
    JointMeetingService meetings;

    @EJB
    CaseworkSettings settings;

    /** Request bodies: plain fields, read leniently and checked by the services. */
    public static class PatrolInput {
        public String gridCode;
        public String startedAt;
        public String endedAt;
        public Integer householdsVisited;
        public String findings;
    }

    public static class GridRecordInput {
        public String kind;
        public String gridCode;
        public Long patrolId;
        public Long residentId;
        public String tagAdded;
        public String tagRemoved;
        public String topic;
        public String parties;
        public String outcome;
        public Integer audience;
    }

    public static class ReferralInput {
        public Long residentId;
        public String socialWorker;
        public String riskLevel;
        public String whatHappened;
        public String evidence;
        public String alreadyTried;
    }

    public static class SettingInput {
        public Integer highRiskHours;
        public Integer mediumRiskHours;
        public Integer lowRiskHours;
        public Integer stubbornAfterDays;
    }

    public static class DepartmentInput {
        public String nameZh;
        public String nameEn;
        public Integer sortOrder;
        public Boolean active;
    }

    public static class NoteInput {
        public String note;
        public String reason;
        public String socialWorker;
    }

    // ---------------------------------------------------------------- patrols

    @GET
    @Path("communities/{code}/patrols")
    public Page<GridWorkService.PatrolView> patrols(@PathParam("code") String code,
                                                    @QueryParam("first") @DefaultValue("0") int first,
                                                    @QueryParam("size") @DefaultValue("50") int size) {
        return grid.patrols(code, PageRequest.of(first, size));
    }

    @POST
    @Path("patrols")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = GridWorkService.PatrolView.class)))
    public Response logPatrol(PatrolInput in) {
        PatrolInput b = in == null ? new PatrolInput() : in;
        // Times that are there but unreadable are refused here; missing ones by the service with the other fields.
        ValidationException.Collector errors = new ValidationException.Collector();
        Instant start = blank(b.startedAt) ? null : TextInputs.time("startedAt", b.startedAt, errors);
        Instant end = blank(b.endedAt) ? null : TextInputs.time("endedAt", b.endedAt, errors);
        errors.throwIfAny();
        return Response.status(201).entity(grid.logPatrol(new GridWorkService.PatrolForm(b.gridCode, start, end,
                b.householdsVisited, b.findings))).build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @GET
    @Path("patrols/{id}")
    public GridWorkService.PatrolView patrol(@PathParam("id") long id) {
        return grid.patrolView(id);
    }

    @POST
    @Path("patrols/{id}/join")
    public GridWorkService.PatrolView join(@PathParam("id") long id) {
        return grid.joinPatrol(id);
    }

    @GET
    @Path("communities/{code}/grid-records")
    public Page<GridWorkService.GridRecordView> records(@PathParam("code") String code,
                                                       @QueryParam("first") @DefaultValue("0") int first,
                                                       @QueryParam("size") @DefaultValue("50") int size) {
        return grid.records(code, PageRequest.of(first, size));
    }

    @POST
    @Path("grid-records")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = GridWorkService.GridRecordView.class)))
    public Response record(GridRecordInput in) {
        GridRecordInput b = in == null ? new GridRecordInput() : in;
        return Response.status(201).entity(grid.record(new GridWorkService.GridRecordForm(b.kind, b.gridCode,
                b.patrolId, b.residentId, b.tagAdded, b.tagRemoved, b.topic, b.parties, b.outcome, b.audience)))
                .build();
    }

    // ---------------------------------------------------------------- referrals

    private static ReferralService.ReferralForm form(ReferralInput in) {
        ReferralInput b = in == null ? new ReferralInput() : in;
        return new ReferralService.ReferralForm(b.residentId, b.socialWorker, b.riskLevel, b.whatHappened, b.evidence,
                b.alreadyTried);
    }

    @POST
    @Path("referrals")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = ReferralService.ReferralView.class)))
    public Response refer(ReferralInput in) {
        return Response.status(201).entity(referrals.refer(form(in))).build();
    }

    @GET
    @Path("referrals/inbox")
    public Page<ReferralService.ReferralView> inbox(@QueryParam("first") @DefaultValue("0") int first,
                                                   @QueryParam("size") @DefaultValue("50") int size) {
        return referrals.inbox(PageRequest.of(first, size));
    }

    @GET
    @Path("referrals/outbox")
    public Page<ReferralService.ReferralView> outbox(@QueryParam("first") @DefaultValue("0") int first,
                                                    @QueryParam("size") @DefaultValue("50") int size) {
        return referrals.outbox(PageRequest.of(first, size));
    }

    @GET
    @Path("communities/{code}/referrals")
    public Page<ReferralService.ReferralView> list(@PathParam("code") String code, @QueryParam("status") String status,
                                                  @QueryParam("first") @DefaultValue("0") int first,
                                                  @QueryParam("size") @DefaultValue("50") int size) {
        return referrals.list(code, status, PageRequest.of(first, size));
    }

    @GET
    @Path("referrals/{id}")
    public ReferralService.ReferralView referral(@PathParam("id") long id) {
        return referrals.find(id);
    }

    @GET
    @Path("referrals/{id}/history")
    public List<ReferralService.EventView> history(@PathParam("id") long id) {
        return referrals.history(id);
    }

    @POST
    @Path("referrals/{id}/acceptance")
    public ReferralService.ReferralView accept(@PathParam("id") long id, NoteInput in) {
        return referrals.accept(id, in == null ? null : in.note);
    }

    @POST
    @Path("referrals/{id}/return")
    public ReferralService.ReferralView giveBack(@PathParam("id") long id, NoteInput in) {
        return referrals.giveBack(id, in == null ? null : in.reason);
    }

    @POST
    @Path("referrals/{id}/resubmission")
    public ReferralService.ReferralView resubmit(@PathParam("id") long id, ReferralInput in) {
        return referrals.resubmit(id, form(in));
    }

    @POST
    @Path("referrals/{id}/withdrawal")
    public ReferralService.ReferralView withdraw(@PathParam("id") long id, NoteInput in) {
        return referrals.withdraw(id, in == null ? null : in.reason);
    }

    @POST
    @Path("referrals/{id}/reassignment")
    public ReferralService.ReferralView reassign(@PathParam("id") long id, NoteInput in) {
        return referrals.reassign(id, in == null ? null : in.socialWorker);
    }

    // ---------------------------------------------------------------- rules

    @GET
    @Path("casework-settings")
    public CaseworkSettings.SettingView citySettings() {
        return settings.view(null);
    }

    @PUT
    @Path("casework-settings")
    public CaseworkSettings.SettingView saveCitySettings(SettingInput in) {
        return save(null, in);
    }

    @GET
    @Path("communities/{code}/casework-settings")
    public CaseworkSettings.SettingView communitySettings(@PathParam("code") String code) {
        return settings.view(code);
    }

    @PUT
    @Path("communities/{code}/casework-settings")
    public CaseworkSettings.SettingView saveCommunitySettings(@PathParam("code") String code, SettingInput in) {
        return save(code, in);
    }

    private CaseworkSettings.SettingView save(String code, SettingInput in) {
        SettingInput b = in == null ? new SettingInput() : in;
        settings.save(code, b.highRiskHours, b.mediumRiskHours, b.lowRiskHours, b.stubbornAfterDays);
        return settings.view(code);
    }

    @GET
    @Path("joint-departments")
    public List<JointDepartment> departments() {
        return meetings.departments();
    }

    @PUT
    @Path("joint-departments/{code}")
    public JointDepartment saveDepartment(@PathParam("code") String code, DepartmentInput in) {
        DepartmentInput b = in == null ? new DepartmentInput() : in;
        return settings.saveDepartment(code, b.nameZh, b.nameEn, b.sortOrder == null ? 100 : b.sortOrder,
                b.active == null || b.active);
    }

    // ---------------------------------------------------------------- joint-meeting tasks

    @GET
    @Path("joint-meetings/{id}/tasks")
    public List<JointMeetingService.TaskView> tasks(@PathParam("id") long id) {
        return meetings.planTasks(id);
    }

    @GET
    @Path("communities/{code}/meeting-tasks/overdue")
    public List<JointMeetingService.TaskView> overdue(@PathParam("code") String code) {
        return meetings.overdueTasks(code);
    }

    @POST
    @Path("meeting-tasks/{id}/completion")
    public JointMeetingService.TaskView complete(@PathParam("id") long id, NoteInput in) {
        return meetings.completeTask(id, in == null ? null : in.note);
    }
}
