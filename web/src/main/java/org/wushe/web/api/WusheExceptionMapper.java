package org.wushe.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.wushe.shared.WusheException;

/** Every refusal of a service becomes a problem document with the fitting status. */
@Provider
public class WusheExceptionMapper implements ExceptionMapper<WusheException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WusheException e) {
        return toResponseWith(e, headers);
    }

    Response toResponseWith(WusheException e, HttpHeaders requestHeaders) {
        return Response.status(e.httpStatus()).type(Problems.MEDIA_TYPE)
                .entity(Problems.of(e, locale(requestHeaders)).toString()).build();
    }

    static Locale locale(HttpHeaders headers) {
        return headers == null ? Problems.localeOrDefault(null) : locale(headers.getAcceptableLanguages());
    }

    /** The language of a problem document: the first the client accepts, if the API speaks it. */
    static Locale locale(java.util.List<Locale> acceptable) {
        return acceptable.stream().findFirst().map(Problems::localeOrDefault).orElse(Problems.localeOrDefault(null));
    }
}
