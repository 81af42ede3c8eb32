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
import java.net.URI;
import java.util.List;
import org.wushe.community.application.CommunityView;
import org.wushe.community.application.GeographyService;
import org.wushe.community.application.GridCellView;
import org.wushe.community.application.SubDistrictView;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;

/**
 * Sub-districts, communities and grid cells: {@code GET /api/sub-districts},
 * {@code GET /api/communities?subDistrict=&first=&size=}, {@code GET /api/communities/{code}},
 * {@code GET /api/communities/{code}/grid-cells}; creation by the bureau administrator with
 * {@code POST} on the same collections.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "community")
public class CommunityResource {

    @EJB
    GeographyService geography;

    /** Body of the creation requests. */
    public static class GeoInput {
        public String code;
        public String name;
        public String subDistrictCode;
    }

    @GET
    @Path("sub-districts")
    public List<SubDistrictView> subDistricts() {
        return geography.subDistricts();
    }

    @POST
    @Path("sub-districts")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = SubDistrictView.class)))
    public Response createSubDistrict(GeoInput in) {
        GeoInput body = in == null ? new GeoInput() : in;
        SubDistrictView v = geography.createSubDistrict(body.code, body.name);
        return Response.created(URI.create("sub-districts/" + v.code())).entity(v).build();
    }

    @GET
    @Path("communities")
    public Page<CommunityView> communities(@QueryParam("subDistrict") String subDistrict,
                                           @QueryParam("first") @DefaultValue("0") int first,
                                           @QueryParam("size") @DefaultValue("50") int size) {
        return geography.communities(subDistrict, PageRequest.of(first, size));
    }

    @POST
    @Path("communities")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = CommunityView.class)))
    public Response createCommunity(GeoInput in) {
        GeoInput body = in == null ? new GeoInput() : in;
        CommunityView v = geography.createCommunity(body.code, body.name, body.subDistrictCode);
        return Response.created(URI.create("communities/" + v.code())).entity(v).build();
    }

    @GET
    @Path("communities/{code}")
    public CommunityView community(@PathParam("code") String code) {
        return geography.community(code);
    }

    @GET
    @Path("communities/{code}/grid-cells")
    public List<GridCellView> gridCells(@PathParam("code") String code) {
        return geography.gridCells(code);
    }

    @POST
    @Path("communities/{code}/grid-cells")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = GridCellView.class)))
    public Response createGridCell(@PathParam("code") String code, GeoInput in) {
        GeoInput body = in == null ? new GeoInput() : in;
        GridCellView v = geography.createGridCell(body.code, body.name, code);
        return Response.created(URI.create("communities/" + code + "/grid-cells")).entity(v).build();
    }
}
