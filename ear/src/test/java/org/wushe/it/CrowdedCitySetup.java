package org.wushe.it;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.wushe.it.support.CrowdedCity;

/**
 * Test only ({@link Deployments#suite()}): lets a client-side test make and remove the
 * {@link CrowdedCity} ({@code POST|DELETE /api/test-crowd}), a sub-district with more communities
 * than a page of choices holds.
 */
@Path("test-crowd")
@RequestScoped
public class CrowdedCitySetup {

    @EJB
    CrowdedCity crowd;

    @POST
    public Response make() {
        crowd.ensure();
        return Response.status(201).build();
    }

    @DELETE
    public Response remove() {
        crowd.remove();
        return Response.noContent().build();
    }
}
