package org.wushe.it;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.wushe.security.application.AccountService;

/**
 * Test only ({@link Deployments#suite()}): lets a client-side test open a resident's
 * self-service account through the real {@link AccountService} as the signed-in staff member
 * ({@code POST /api/test-setup/resident-accounts}), with its rules and the caller's own rights and
 * scope (the product opens them from the resident's page, which a client-side test does not drive).
 */
@Path("test-setup")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountSetup {

    /** The account to open. */
    public static class Body {
        public String username;
        public String password;
        public Long residentId;
        public String role;
    }

    @EJB
    AccountService accounts;

    @POST
    @Path("resident-accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resident(Body body) {
        return Response.status(201).entity(accounts.createResidentAccount(body.username, body.password.toCharArray(),
                body.residentId)).build();
    }
}
