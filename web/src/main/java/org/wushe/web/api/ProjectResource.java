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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wushe.fund.application.FundViews;
import org.wushe.fund.application.ProjectQueries;
import org.wushe.fund.application.ProjectService;
import org.wushe.fund.application.ProjectViews;
import org.wushe.fund.application.ProjectViews.ProjectRow;
import org.wushe.fund.application.ProjectViews.ProjectView;
import org.wushe.fund.domain.FundFile;
import org.wushe.fund.domain.Milestone;
import org.wushe.fund.domain.Progress;
import org.wushe.fund.domain.Project;

/**
 * Projects through the API: design ({@code POST /api/projects}), list by community and stage,
 * one project with its budget, money, milestones, progress and evaluation ({@code /api/projects/{id}}),
 * lifecycle steps ({@code POST /api/projects/{id}/steps} with an action), milestones, progress with
 * photos as base64 JSON, the evaluation, and the photos themselves (scope checked).
 */
@Path("projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "incubation")
public class ProjectResource {

    @EJB
    ProjectService projects;

    @EJB
    ProjectQueries projectQueries;

    public static class MilestoneInput {
        public String title;
        public String dueOn;
    }

    public static class ProjectInput {
        public String communityCode;
        public String title;
        public String goal;
        public Integer beneficiariesPlanned;
        public String beneficiaryGroup;
        public String startsOn;
        public String endsOn;
        public Map<String, Long> budget;
        public List<Long> needIds;
        public List<MilestoneInput> milestones;
    }

    public static class StepInput {
        public String action;
        public String note;
    }

    public static class PhotoInput {
        public String name;
        public String base64;
    }

    public static class ProgressInput {
        public String body;
        public List<PhotoInput> photos;
    }

    public static class EvaluationInput {
        public Integer satisfactionTenths;
        public Integer respondents;
        public Integer beneficiariesReached;
        public List<Long> closedNeedIds;
        public String note;
    }

    public record Created(Long id, String stage) {
    }

    private static List<ProjectViews.MilestoneForm> milestones(List<MilestoneInput> in) {
        List<ProjectViews.MilestoneForm> out = new ArrayList<>();
        if (in != null) {
            for (MilestoneInput m : in) {
                out.add(new ProjectViews.MilestoneForm(m.title, FundResource.optionalDate("milestones", m.dueOn)));
            }
        }
        return out;
    }

    @GET
    public List<ProjectRow> list(@QueryParam("community") String community, @QueryParam("stage") String stage) {
        return projectQueries.projects(community, stage);
    }

    @POST
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response design(ProjectInput in) {
        ProjectInput i = in == null ? new ProjectInput() : in;
        Project p = projects.design(new ProjectViews.ProjectForm(i.communityCode, i.title, i.goal, i.beneficiariesPlanned,
                i.beneficiaryGroup, FundResource.optionalDate("startsOn", i.startsOn),
                FundResource.optionalDate("endsOn", i.endsOn), i.budget, i.needIds, milestones(i.milestones)));
        return Response.status(201).entity(projectQueries.project(p.getId())).build();
    }

    @GET
    @Path("{id}")
    public ProjectView project(@PathParam("id") long id) {
        return projectQueries.project(id);
    }

    @POST
    @Path("{id}/steps")
    public ProjectView step(@PathParam("id") long id, StepInput in) {
        StepInput i = in == null ? new StepInput() : in;
        projects.step(id, i.action, i.note);
        return projectQueries.project(id);
    }

    @POST
    @Path("{id}/evaluation")
    public ProjectView evaluate(@PathParam("id") long id, EvaluationInput in) {
        EvaluationInput i = in == null ? new EvaluationInput() : in;
        projects.evaluate(id, new ProjectViews.EvaluationForm(i.satisfactionTenths, i.respondents, i.beneficiariesReached,
                i.closedNeedIds, i.note));
        return projectQueries.project(id);
    }

    @POST
    @Path("{id}/milestones")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Created.class)))
    public Response milestone(@PathParam("id") long id, MilestoneInput in) {
        MilestoneInput i = in == null ? new MilestoneInput() : in;
        Milestone m = projects.addMilestone(id, new ProjectViews.MilestoneForm(i.title,
                FundResource.optionalDate("dueOn", i.dueOn)));
        return Response.status(201).entity(new Created(m.getId(), null)).build();
    }

    @POST
    @Path("milestones/{id}/done")
    public Created milestoneDone(@PathParam("id") long id) {
        return new Created(projects.milestoneDone(id).getId(), null);
    }

    @POST
    @Path("{id}/progress")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = Created.class)))
    public Response progress(@PathParam("id") long id, ProgressInput in) {
        ProgressInput i = in == null ? new ProgressInput() : in;
        List<FundViews.Upload> photos = new ArrayList<>();
        if (i.photos != null) {
            for (PhotoInput p : i.photos) {
                FundViews.Upload u = FundResource.upload("photos", p.name, p.base64);
                photos.add(u == null ? new FundViews.Upload(p.name, new byte[0]) : u);
            }
        }
        Progress p = projects.reportProgress(id, i.body, photos);
        return Response.status(201).entity(new Created(p.getId(), null)).build();
    }

    /** A progress photo's bytes (JPEG or PNG), for a caller whose scope covers its community. */
    @GET
    @Path("photos/{id}")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    public Response photo(@PathParam("id") long id) {
        FundFile f = projectQueries.photo(id);
        return Response.ok(f.getContent(), f.getContentType()).build();
    }
}
