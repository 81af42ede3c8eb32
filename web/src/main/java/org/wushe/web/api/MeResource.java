package org.wushe.web.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.wushe.home.application.MyWork;
import org.wushe.home.application.WorkLine;
import org.wushe.security.application.AccountService;
import org.wushe.security.application.PasswordLifecycle;
import org.wushe.security.domain.Caller;

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

    @GET
    public Caller me() {
        return accounts.me();
    }

    @GET
    @Path("work")
    public List<WorkLine> work() {
        return myWork.lines();
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
