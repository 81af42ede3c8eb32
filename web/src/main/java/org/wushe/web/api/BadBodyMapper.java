package org.wushe.web.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON the resource expects: 400 with a clear problem document. */
@Provider
public class BadBodyMapper implements ExceptionMapper<JsonbException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(JsonbException e) {
        return Response.status(400).type(Problems.MEDIA_TYPE)
                .entity(Problems.of(400, "error.badBody", WusheExceptionMapper.locale(headers)).toString()).build();
    }
}
