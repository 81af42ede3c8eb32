package org.wushe.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.wushe.shared.ValidationException;
import org.wushe.shared.WusheException;
import org.wushe.web.support.Messages;

/**
 * RFC 9457 problem documents: {@code type} (a URN made of the message key), {@code title},
 * {@code status}, {@code detail} in the client's language and, for bad input, {@code errors} with
 * one entry per field.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static JsonObject of(WusheException e, Locale locale) {
        JsonObjectBuilder b = base(e.httpStatus(), e.key(), Messages.text(locale, e.key(), e.args()));
        if (e instanceof ValidationException v) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            for (ValidationException.FieldError f : v.errors()) {
                errors.add(Json.createObjectBuilder().add("field", f.field()).add("key", f.key())
                        .add("message", Messages.text(locale, f.key(), f.args())));
            }
            b.add("errors", errors);
        }
        return b.build();
    }

    public static JsonObject of(int status, String key, Locale locale) {
        return of(status, key, locale, List.of());
    }

    public static JsonObject of(int status, String key, Locale locale, List<?> args) {
        return base(status, key, Messages.text(locale, key, args)).build();
    }

    private static JsonObjectBuilder base(int status, String key, String detail) {
        return Json.createObjectBuilder()
                .add("type", "urn:wushe:problem:" + key)
                .add("title", key)
                .add("status", status)
                .add("detail", detail);
    }

    /** The message key of an API problem for a status the API itself did not answer. */
    public static String keyFor(int status) {
        return switch (status) {
            case 400 -> "error.badRequest";
            case 401 -> "error.notSignedIn";
            case 403 -> "error.notPermitted";
            case 404 -> "error.noSuchResource";
            case 405 -> "error.methodNotAllowed";
            case 413 -> "error.tooLarge";
            case 503 -> "error.unavailable";
            default -> "error.internal";
        };
    }

    /** Writes a problem straight to a servlet response (used before JAX-RS is reached). */
    public static void write(HttpServletResponse response, int status, String key, Locale locale) throws IOException {
        write(response, status, key, locale, List.of());
    }

    /** The same with the message's arguments (a size limit, a name). */
    public static void write(HttpServletResponse response, int status, String key, Locale locale, List<?> args)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(of(status, key, localeOrDefault(locale), args).toString());
    }

    static Locale localeOrDefault(Locale requested) {
        return Messages.supported(requested);
    }
}
