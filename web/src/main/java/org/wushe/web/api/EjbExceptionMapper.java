package org.wushe.web.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.web.support.Incidents;
import org.wushe.shared.WusheException;

/**
 * Unexpected failures: logged with their cause, answered with a problem document that gives no
 * internals away. A typed refusal wrapped by the container is unwrapped and answered as itself.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    private static final Logger LOG = Logger.getLogger(EjbExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(EJBException e) {
        Throwable cause = e.getCausedByException() != null ? e.getCausedByException() : e.getCause();
        if (cause instanceof WusheException w) {
            return new WusheExceptionMapper().toResponseWith(w, headers);
        }
        String incident = Incidents.newNumber();
        LOG.log(Level.SEVERE, "Incident " + incident + ": unexpected failure in a REST call", e);
        return UnexpectedExceptionMapper.problem(incident, headers);
    }
}
