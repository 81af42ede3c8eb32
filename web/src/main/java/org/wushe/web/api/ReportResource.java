package org.wushe.web.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.util.List;
import org.wushe.reports.application.ReportFileView;
import org.wushe.reports.application.ReportFiles;

/**
 * The report files (docs/reports.md): {@code GET /api/reports?period=yyyy-MM&community=code} lists
 * those in the caller's scope (the IT operator: all), {@code GET /api/reports/{id}/content}
 * downloads one (recorded in the audit log as an export).
 */
@Path("reports")
@RequestScoped
@Tag(name = "reports")
public class ReportResource {

    @EJB
    ReportFiles files;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReportFileView> list(@QueryParam("period") String period, @QueryParam("community") String community) {
        return files.list(period, community);
    }

    @GET
    @Path("{id}/content")
    @Produces({"application/pdf", "text/csv", MediaType.APPLICATION_JSON})
    public Response content(@PathParam("id") long id) {
        ReportFiles.Download d = files.open(id);
        StreamingOutput body = out -> Files.copy(d.path(), out);
        return Response.ok(body, d.file().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + d.file().fileName() + "\"")
                .build();
    }
}
