package org.wushe.web.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.wushe.home.application.MyWork;
import org.wushe.home.application.WorkLine;
import org.wushe.points.application.PointsService;
import org.wushe.points.application.Statement;
import org.wushe.points.domain.AccountKind;
import org.wushe.security.application.AccountService;
import org.wushe.security.application.PasswordLifecycle;
import org.wushe.security.domain.Caller;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.volunteering.application.PartyService;
import org.wushe.volunteering.domain.PartyMember;

/**
 * {@code GET /api/me}: who the signed-in account is, its role and scope; {@code PUT /api/me/password}
 * (JSON {@code oldPassword}, {@code newPassword}, optionally {@code repeatPassword}): the owner
 * changes their password (204), which is also the one call an account that must change its
 * password may make. {@code GET /api/me/work}: the lines of "my work", as the home page shows them
 * (kind, count, {@code since} the oldest item or {@code due} the nearest deadline, the page and
 * query parameters of the filtered list).
 */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "home")
public class MeResource {

    @EJB
    AccountService accounts;

    @EJB
    PasswordLifecycle passwords;

    @EJB
    MyWork myWork;

    @EJB
    PointsService points;

    @EJB
    PartyService party;

    @GET
    public Caller me() {
        return accounts.me();
    }

    @GET
    @Path("work")
    public List<WorkLine> work() {
        return myWork.lines();
    }

    // The caller's own points and Party report live here, not in VolunteeringResource: a request
    // for /me/... is matched to this class (the longer literal path) and never reaches another.

    /** {@code GET /api/me/points?kind=VOLUNTEER|PARTY&first&size}: the caller's statement. */
    @GET
    @Path("points")
    public Statement myPoints(@QueryParam("kind") @DefaultValue("VOLUNTEER") String kind,
                              @QueryParam("first") @DefaultValue("0") int first,
                              @QueryParam("size") @DefaultValue("50") int size) {
        AccountKind k;
        try {
            k = AccountKind.valueOf(kind.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("kind", "points.kind.unknown", kind);
        }
        return points.myStatement(k, PageRequest.of(first, size));
    }

    /** {@code POST /api/me/party-report}: a Party member reports to the community (work unit, contact, commitments). */
    @POST
    @Path("party-report")
    @Consumes(MediaType.APPLICATION_JSON)
    public PartyMember report(VolunteeringResource.ReportInput in) {
        VolunteeringResource.ReportInput b = in == null ? new VolunteeringResource.ReportInput() : in;
        return party.report(b.workUnit, b.contact, b.commitments);
    }

    /** The body of a password change. */
    public static class PasswordChange {
        public String oldPassword;
        public String newPassword;
        public String repeatPassword;
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "204", description = "changed")
    public Response changePassword(PasswordChange in) {
        PasswordChange body = in == null ? new PasswordChange() : in;
        String repeat = body.repeatPassword == null ? body.newPassword : body.repeatPassword;
        passwords.changeOwn(chars(body.oldPassword), chars(body.newPassword), chars(repeat));
        return Response.noContent().build();
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }
}
