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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.wushe.jobs.application.ExecutionView;
import org.wushe.jobs.application.Jobs;

/**
 * The batch jobs for the IT operator ({@code OPERATE_JOBS}): the job names ({@code /api/jobs}),
 * recent executions ({@code /api/jobs/executions?max=}), one execution with its steps
 * ({@code /api/jobs/executions/{id}}), start ({@code POST /api/jobs/{name}/executions} with the
 * job parameters as a JSON object; parameters left out take the job XML's defaults), stop and
 * restart ({@code POST /api/jobs/executions/{id}/stop|restart}).
 */
@Path("jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "administration")
public class JobResource {

    @EJB
    Jobs console;

    /** Where a started or restarted run can be followed. */
    public record Started(long executionId) {
    }

    @GET
    public List<String> jobs() {
        return console.jobs();
    }

    @GET
    @Path("executions")
    public List<ExecutionView> recent(@QueryParam("max") @DefaultValue("50") int max) {
        return console.recent(Math.max(1, Math.min(max, 500)));
    }

    @GET
    @Path("executions/{id}")
    public ExecutionView execution(@PathParam("id") long id) {
        return console.execution(id);
    }

    @POST
    @Path("{name}/executions")
    @ApiResponse(responseCode = "201", description = "started",
            content = @Content(schema = @Schema(implementation = Started.class)))
    public Response start(@PathParam("name") String name, Map<String, String> parameters) {
        long id = console.start(name, parameters);
        return Response.status(201).entity(new Started(id)).build();
    }

    @POST
    @Path("executions/{id}/stop")
    @ApiResponse(responseCode = "204", description = "stopping")
    public Response stop(@PathParam("id") long id) {
        console.stop(id);
        return Response.noContent().build();
    }

    @POST
    @Path("executions/{id}/restart")
    @ApiResponse(responseCode = "201", description = "restarted",
            content = @Content(schema = @Schema(implementation = Started.class)))
    public Response restart(@PathParam("id") long id, Map<String, String> parameters) {
        return Response.status(201).entity(new Started(console.restart(id, parameters))).build();
    }
}
