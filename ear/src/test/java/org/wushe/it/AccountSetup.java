package org.wushe.it;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.wushe.security.application.AccountForm;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;

/**
 * Test only ({@link Deployments#withAccountSetup()}): lets a client-side test open accounts through
 * the real {@link AccountService} as the signed-in caller (the product has no screen for it yet):
 * {@code POST /api/test-setup/resident-accounts} (staff open a resident's self-service account) and
 * {@code POST /api/test-setup/city-accounts} (the security administrator creates a city-wide
 * account), each with its rules and the caller's own rights and scope.
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

    @POST
    @Path("city-accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cityWide(Body body) {
        return Response.status(201).entity(accounts.create(new AccountForm(body.username, body.username,
                Role.valueOf(body.role), body.password.toCharArray(), Set.of(), null, Set.of(), null))).build();
    }
}
