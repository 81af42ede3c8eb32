package org.wushe.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The REST API as the client-side tests call it: over HTTPS, HTTP Basic with the demo password (or
 * no sign-in) and, for the demo administrators, the current code of the demo's second factor
 * ({@link DemoTotp}), JSON bodies in UTF-8 and the {@code X-Requested-With} header that every
 * state-changing call needs, the answer as text to read with {@link #object} or {@link #array}.
 */
final class ApiClient {

    static final String DEMO_PASSWORD = "Wushe@2026";

    private final HttpClient http = TestHttp.client();
    private final URL base;

    ApiClient(URL base) {
        this.base = TestHttp.https(base);
    }

    /** One request as {@code user} (null: not signed in) to {@code /api/<path>}. */
    HttpResponse<String> call(String user, String method, String path, String json) {
        return call(user, DEMO_PASSWORD, method, path, json);
    }

    /** One request as {@code user} with their own password (an account a test made). */
    HttpResponse<String> call(String user, String password, String method, String path, String json) {
        return send(user, password, method, path, json, java.util.Map.of());
    }

    /** One request as {@code user} with more headers. */
    HttpResponse<String> callWith(String user, String method, String path, String json, java.util.Map<String, String> more) {
        return send(user, DEMO_PASSWORD, method, path, json, more);
    }

    private HttpResponse<String> send(String user, String password, String method, String path, String json,
                                      java.util.Map<String, String> more) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "api/" + path))
                .header("Accept", "application/json, text/csv")
                .header("X-Requested-With", "wushe-tests");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            if (DemoTotp.isAdministrator(user)) {
                b.header("X-Wushe-Otp", DemoTotp.current());
            }
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        more.forEach(b::header);
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** A POST that must create something (201); its body. */
    String created(String user, String path, String json) {
        HttpResponse<String> r = call(user, "POST", path, json);
        if (r.statusCode() != 201) {
            throw new AssertionError("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static JsonObject object(HttpResponse<String> r) {
        return object(r.body());
    }

    static JsonObject object(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    static JsonArray array(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readArray();
    }
}
