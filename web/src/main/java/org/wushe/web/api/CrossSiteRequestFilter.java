package org.wushe.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses a state-changing API call that another web site could have made a browser send. The API
 * takes no session cookie, but a browser that once answered a Basic challenge resends those
 * credentials by itself; what a foreign page can make it send without asking the server first
 * (a CORS preflight, which this API never grants) is a form: {@code POST} with no body or a body of
 * type {@code application/x-www-form-urlencoded}, {@code multipart/form-data} or
 * {@code text/plain}. So {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} need a JSON
 * body ({@code Content-Type: application/json}) or the header {@code X-Requested-With} (any value;
 * for calls without a body such as approving an expenditure). Refused: 403 with a problem document.
 */
@Provider
@PreMatching
public class CrossSiteRequestFilter implements ContainerRequestFilter {

    /** The header that a call without a JSON body carries to show it is no cross-site form. */
    public static final String HEADER = "X-Requested-With";

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!UNSAFE.contains(request.getMethod()) || request.getHeaderString(HEADER) != null
                || isJson(request.getMediaType())) {
            return;
        }
        request.abortWith(Response.status(403).type(Problems.MEDIA_TYPE)
                .entity(Problems.of(403, "error.crossSite", WusheExceptionMapper.locale(headers)).toString()).build());
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))
                && "application".equals(type.getType());
    }
}
