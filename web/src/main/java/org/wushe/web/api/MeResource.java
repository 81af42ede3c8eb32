package org.wushe.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;

/** {@code GET /api/me}: who the signed-in account is, its role and scope. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @EJB
    AccountService accounts;

    @GET
    public Caller me() {
        return accounts.me();
    }
}
