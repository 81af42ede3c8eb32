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
        if (headers == null) {
            return Problems.localeOrDefault(null);
        }
        return headers.getAcceptableLanguages().stream().findFirst()
                .map(Problems::localeOrDefault).orElse(Problems.localeOrDefault(null));
    }
}
