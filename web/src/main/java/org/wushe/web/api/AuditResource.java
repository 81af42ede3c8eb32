package org.wushe.web.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.wushe.audit.application.AuditArchive;
import org.wushe.audit.application.AuditVerification;
import org.wushe.shared.ValidationException;

/**
 * The audit administrator's API (docs/operations.md, "The audit log"):
 * {@code GET /api/audit/verification} walks the hash chain and answers intact up to entry N or the
 * first broken link ({@code bash config/server.sh audit-verify} calls it);
 * {@code GET /api/audit/archive?from=yyyy-MM-dd&to=yyyy-MM-dd} downloads the period's archive (CSV).
 */
@Path("audit")
@RequestScoped
@Tag(name = "administration")
public class AuditResource {

    @EJB
    AuditVerification verification;

    @EJB
    AuditArchive archive;

    @GET
    @Path("verification")
    @Produces(MediaType.APPLICATION_JSON)
    public AuditVerification.Report verification() {
        return verification.verify();
    }

    @GET
    @Path("archive")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response archive(@QueryParam("from") String from, @QueryParam("to") String to) {
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate f = date("from", from, errors);
        LocalDate t = date("to", to, errors);
        errors.throwIfAny();
        AuditArchive.ArchiveFile file = archive.archive(f, t);
        StreamingOutput body = out -> {
            try {
                Files.copy(file.path(), out);
            } finally {
                Files.deleteIfExists(file.path());
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }

    private static LocalDate date(String field, String text, ValidationException.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "error.dateFormat");
            return null;
        }
    }
}
