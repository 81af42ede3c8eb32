package org.wushe.web.security;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.web.support.Incidents;

/**
 * The error pages for ajax requests. A failure in a full page request reaches the error pages of
 * {@code web.xml}; in an ajax request (a button of a PrimeFaces form, a table's paging) the server
 * would answer a partial-response error that the page silently ignores — typically an expired view
 * after a long pause, where the person clicks and nothing happens. This handler answers such a
 * request with a redirect instead: to {@code /error/expired} for an expired view, and to
 * {@code /error/failed?incident=…} for any other failure, logged under that incident number.
 * Full page requests are left to the container.
 */
public class AjaxErrorHandlerFactory extends ExceptionHandlerFactory {

    public AjaxErrorHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        private static final Logger LOG = Logger.getLogger(AjaxErrorHandlerFactory.class.getName());

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            FacesContext context = FacesContext.getCurrentInstance();
            if (context != null && context.getPartialViewContext().isAjaxRequest()) {
                Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                if (events.hasNext()) {
                    Throwable error = events.next().getContext().getException();
                    String target;
                    if (isExpired(error)) {
                        target = "/error/expired";
                    } else {
                        String incident = Incidents.newNumber();
                        LOG.log(Level.SEVERE, "Incident " + incident + " on an ajax request to "
                                + context.getExternalContext().getRequestServletPath(), error);
                        target = "/error/failed?incident=" + incident;
                    }
                    events.remove();
                    while (events.hasNext()) {
                        events.next();
                        events.remove();
                    }
                    try {
                        context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + target);
                        context.responseComplete();
                    } catch (IOException e) {
                        throw new FacesException(e);
                    }
                    return;
                }
            }
            getWrapped().handle();
        }

        private static boolean isExpired(Throwable error) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }
    }
}
