package org.wushe.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What JAX-RS itself refuses — an unknown path, a path segment of the wrong type
 * ({@code /api/residents/abc}), a method or media type the resource does not take — answered as a
 * problem document like every other API error, never as the server's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.ResponseBuilder answer = Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(Problems.of(status, Problems.keyFor(status), WusheExceptionMapper.locale(headers))
                        .toString());
        if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            answer.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return answer.build();
    }
}
