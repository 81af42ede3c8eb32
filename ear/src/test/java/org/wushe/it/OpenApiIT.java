package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST contract as the bureau's integrator fetches it: {@code /api/openapi.json} and
 * {@code /api/openapi.yaml} with an account's Basic credentials, read by an OpenAPI 3 parser without
 * a message, with its security schemes; refused without sign-in; revalidated by its entity tag; and
 * saying what the API really answers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    @ArquillianResource
    URL base;

    private HttpResponse<String> get(String user, String path, String accept, String ifNoneMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestHttp.https(base) + "api/" + path))
                .header("Accept", accept);
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        try {
            return TestHttp.client().send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(path + " interrupted", e);
        }
    }

    private static OpenAPI parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(),
                "the parser's messages: " + result.getMessages());
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    private static Set<String> operations(OpenAPI api) {
        Set<String> all = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(verb -> all.add(verb + " " + path)));
        return all;
    }

    @Test
    void theJsonContract_isServedToASignedInAccount_andIsAValidOpenApi3Document_withTheSignInSchemes() {
        HttpResponse<String> r = get("operator", "openapi.json", "application/json", null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        OpenAPI api = parse(r.body());

        assertTrue(api.getOpenapi().startsWith("3."), api.getOpenapi());
        assertEquals("/wushe/api", api.getServers().get(0).getUrl());
        SecurityScheme basic = api.getComponents().getSecuritySchemes().get("basicAuth");
        assertEquals(SecurityScheme.Type.HTTP, basic.getType());
        assertEquals("basic", basic.getScheme());
        assertEquals("X-Wushe-Otp", api.getComponents().getSecuritySchemes().get("secondFactor").getName());
        assertTrue(operations(api).containsAll(Set.of("GET /me", "GET /residents", "POST /residents",
                "GET /openapi.json", "GET /openapi.yaml")), operations(api).toString());
        assertTrue(api.getComponents().getSchemas().containsKey("Problem"));
    }

    @Test
    void withoutSignIn_bothDocumentsAreRefused_withAProblemDocument() {
        for (String[] doc : new String[][] {{"openapi.json", "application/json"}, {"openapi.yaml", "application/yaml"}}) {
            HttpResponse<String> r = get(null, doc[0], doc[1], null);
            assertEquals(401, r.statusCode(), doc[0]);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), doc[0]);
            assertEquals("urn:wushe:problem:error.notSignedIn", ApiClient.object(r).getString("type"));
        }
    }

    @Test
    void theYamlContract_isServedToo_andDescribesTheSameOperations() {
        HttpResponse<String> yaml = get("social1", "openapi.yaml", "application/yaml", null);
        assertEquals(200, yaml.statusCode(), yaml.body());
        assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        HttpResponse<String> json = get("social1", "openapi.json", "application/json", null);
        Set<String> fromYaml = operations(parse(yaml.body()));
        assertTrue(fromYaml.size() > 200, "operations: " + fromYaml.size());
        assertEquals(operations(parse(json.body())), fromYaml);
    }

    @Test
    void aClientRevalidatesByTheEntityTag_andGets304_whileNothingIsCachedUnasked() {
        HttpResponse<String> first = get("operator", "openapi.json", "application/json", null);
        String tag = first.headers().firstValue("ETag").orElse("");
        assertTrue(tag.startsWith("\""), "an entity tag: " + tag);
        String cache = first.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cache.contains("no-cache") && cache.contains("private"), cache);

        HttpResponse<String> again = get("operator", "openapi.json", "application/json", tag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(tag, again.headers().firstValue("ETag").orElse(""));
    }

    @Test
    void theContractSays_whatTheApiAnswers_forAnAccountAndForARefusal() {
        OpenAPI api = parse(get("operator", "openapi.json", "application/json", null).body());
        String callerRef = api.getPaths().get("/me").getGet().getResponses().get("200").getContent()
                .get("application/json").getSchema().get$ref();
        Set<String> declared = properties(api, callerRef);

        HttpResponse<String> me = new ApiClient(base).call("social1", "GET", "me", null);
        assertEquals(200, me.statusCode(), me.body());
        JsonObject answer = ApiClient.object(me);
        assertTrue(declared.containsAll(answer.keySet()),
                "members of GET /me not in the contract's " + callerRef + ": " + answer.keySet() + " vs " + declared);

        HttpResponse<String> refused = new ApiClient(base).call(null, "GET", "me", null);
        assertEquals(401, refused.statusCode());
        assertTrue(properties(api, "#/components/schemas/Problem").containsAll(ApiClient.object(refused).keySet()));
        assertEquals("#/components/responses/NotSignedIn",
                api.getPaths().get("/me").getGet().getResponses().get("401").get$ref());
    }

    @SuppressWarnings("rawtypes")
    private static Set<String> properties(OpenAPI api, String ref) {
        assertNotNull(ref, "a schema reference");
        Schema schema = api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        assertNotNull(schema, ref);
        return new TreeSet<String>(schema.getProperties().keySet());
    }
}
