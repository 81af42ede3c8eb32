package org.wushe.web.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wushe.security.application.PasswordLifecycle;

/**
 * {@code POST /api/accounts/{username}/password-reset}: the security administrator resets an
 * account's password; the answer holds the generated one-time password, shown this once, which the
 * owner must change at the next sign-in. An administrator account is refused (403): that needs a
 * second administrator's confirmation.
 */
@Path("accounts/{username}/password-reset")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "administration")
public class PasswordResetResource {

    @EJB
    PasswordLifecycle passwords;

    @POST
    public PasswordLifecycle.OneTimePassword reset(@PathParam("username") String username) {
        return passwords.reset(username);
    }
}
