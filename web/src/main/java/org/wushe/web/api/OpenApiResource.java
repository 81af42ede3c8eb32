package org.wushe.web.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST contract: {@code GET /api/openapi.json} and {@code GET /api/openapi.yaml}, the OpenAPI 3
 * document of this API that the build generated from these resource classes (docs/api.md). Signed in
 * like every other call (it holds no data, only the shapes); an entity tag (SHA-256 of the file) lets
 * a client revalidate ({@code If-None-Match} → 304) instead of downloading it again; the document
 * changes only with a new version of the application.
 */
@Path("")
@RequestScoped
@Tag(name = "administration")
public class OpenApiResource {

    /** The YAML media type (RFC 9512). */
    public static final String YAML = "application/yaml";

    private static final Map<String, Document> DOCUMENTS = new ConcurrentHashMap<>();

    @Context
    Request request;

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "this document",
            content = @Content(schema = @Schema(type = "object", description = "an OpenAPI 3 document")))
    public Response json() {
        return answer("openapi.json", MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("openapi.yaml")
    @Produces(YAML)
    @ApiResponse(responseCode = "200", description = "this document in YAML",
            content = @Content(schema = @Schema(type = "string", description = "an OpenAPI 3 document")))
    public Response yaml() {
        return answer("openapi.yaml", YAML);
    }

    private Response answer(String file, String type) {
        Document d = DOCUMENTS.computeIfAbsent(file, OpenApiResource::load);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(d.tag());
        Response.ResponseBuilder b = notModified != null ? notModified : Response.ok(d.bytes(), type + "; charset=UTF-8");
        return b.tag(d.tag()).cacheControl(cache).build();
    }

    private static Document load(String file) {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new NotFoundException("the build did not generate " + file);
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new Document(bytes, new EntityTag(hash.substring(0, 32)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Document(byte[] bytes, EntityTag tag) {
    }
}
