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
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import org.wushe.community.application.ChangeView;
import org.wushe.community.application.ResidentFilter;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.web.support.ResidentInput;

/**
 * Residents through the API, with the same scope and masking as the screens:
 * {@code GET /api/residents?community=&grid=&tag=&name=&first=&size=} (masked page),
 * {@code GET /api/residents/{id}} (masked), {@code POST /api/residents/{id}/reveal} with
 * {@code {"purpose": "..."}} (full data, audited), {@code GET /api/residents/{id}/history},
 * {@code POST /api/residents} and {@code PUT /api/residents/{id}} (with {@code version}),
 * {@code GET /api/residents/export} (CSV, masked, audited).
 */
@Path("residents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "community")
public class ResidentResource {

    @EJB
    ResidentService residents;

    /** Body of a reveal request. */
    public static class RevealInput {
        public String purpose;
    }

    @GET
    public Page<ResidentView> list(@QueryParam("community") String community, @QueryParam("grid") String grid,
                                   @QueryParam("tag") String tag, @QueryParam("name") String name,
                                   @QueryParam("first") @DefaultValue("0") int first,
                                   @QueryParam("size") @DefaultValue("50") int size) {
        return residents.list(filter(community, grid, tag, name), PageRequest.of(first, size));
    }

    @GET
    @Path("{id}")
    public ResidentView one(@PathParam("id") long id) {
        return residents.view(id);
    }

    @POST
    @Path("{id}/reveal")
    public ResidentView reveal(@PathParam("id") long id, RevealInput in) {
        return residents.reveal(id, in == null ? null : in.purpose);
    }

    @GET
    @Path("{id}/history")
    public List<ChangeView> history(@PathParam("id") long id) {
        return residents.history(id);
    }

    @POST
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = ResidentView.class)))
    public Response register(ResidentInput in) {
        ResidentView v = residents.register((in == null ? new ResidentInput() : in).toData());
        return Response.created(URI.create("residents/" + v.id())).entity(v).build();
    }

    @PUT
    @Path("{id}")
    public ResidentView update(@PathParam("id") long id, ResidentInput in) {
        ResidentInput body = in == null ? new ResidentInput() : in;
        return residents.update(id, body.requireVersion(), body.toData());
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@QueryParam("community") String community, @QueryParam("grid") String grid,
                           @QueryParam("tag") String tag, @QueryParam("name") String name) {
        StringWriter csv = new StringWriter();
        residents.export(filter(community, grid, tag, name), csv);
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"residents.csv\"").build();
    }

    private static ResidentFilter filter(String community, String grid, String tag, String name) {
        return new ResidentFilter(community, grid, ResidentInput.parseTag("tag", tag), name);
    }
}
