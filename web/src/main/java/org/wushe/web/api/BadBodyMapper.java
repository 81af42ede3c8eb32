package org.wushe.web.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that cannot be read (not JSON, or not the shape the resource expects): 400 with a
 * clear problem document instead of the server's error page.
 */
@Provider
public class BadBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ProcessingException e) {
        return Response.status(400).type(Problems.MEDIA_TYPE)
                .entity(Problems.of(400, "error.badBody", WusheExceptionMapper.locale(headers)).toString()).build();
    }
}
