package org.wushe.web.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.web.support.Incidents;

/**
 * Any failure no other mapper knows (a job start that fails inside the batch runtime, a bug): a 500
 * problem document with an incident number, the exception in the server log under the same number,
 * and nothing of the exception in the answer.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        String incident = Incidents.newNumber();
        LOG.log(Level.SEVERE, "Incident " + incident + " on " + (uri == null ? "a REST call" : uri.getPath()), e);
        return problem(incident, headers);
    }

    static Response problem(String incident, HttpHeaders headers) {
        return Response.status(500).type(Problems.MEDIA_TYPE)
                .entity(Json.createObjectBuilder(Problems.of(500, "error.internal", WusheExceptionMapper.locale(headers)))
                        .add("incident", incident).build().toString()).build();
    }
}
