package org.wushe.it.support;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test-only endpoints that fail on purpose, so the error pages of an unexpected failure can be seen
 * from outside: a servlet page and an API resource that throw. Added to the web module only by the
 * tests that need them.
 */
public final class FailingEndpoints {

    private FailingEndpoints() {
    }

    /** A page that fails with an exception the application does not know, or with {@code ?status=N}. */
    @WebServlet("/test-failure")
    public static class FailingPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
            if (request.getParameter("status") != null) {
                response.sendError(Integer.parseInt(request.getParameter("status")), "secret-detail-42");
                return;
            }
            throw new IllegalStateException("deliberate failure of a test page (secret-detail-42)");
        }
    }

    /** An API resource that fails with an exception the application does not know. */
    @Path("test-failure")
    public static class FailingResource {
        @GET
        public String fail() {
            throw new IllegalStateException("deliberate failure of a test resource (secret-detail-42)");
        }
    }
}
