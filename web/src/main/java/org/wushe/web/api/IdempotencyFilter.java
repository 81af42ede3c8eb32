package org.wushe.web.api;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.wushe.platform.IdempotentCalls;

/**
 * Safe retry for the API's calls that create or change something ({@code POST}): a client on a bad
 * connection sends the header {@code Idempotency-Key} (1 to 100 visible ASCII characters, e.g. a
 * UUID it made for the record), and sending the same call again with the same key within 24 hours
 * returns the first answer (with {@code Idempotent-Replayed: true}) and creates nothing new, whether
 * the first answer was lost on the way or the two calls ran at once (the second waits for the first,
 * up to {@value #WAIT_MILLIS} ms). Keys belong to the signed-in account. The same key with another
 * path or body is refused (422, {@code error.idempotencyKey.otherCall}); a malformed key too (400,
 * {@code error.idempotencyKey.format}). A call that failed on the server's side (5xx) is forgotten,
 * so its retry runs again. The answer is kept before it is sent, so it stays when the connection
 * breaks while the answer is on its way, and encrypted ({@link IdempotentCalls}). A reveal of
 * personal data and a password reset are never kept: their retry runs again (and is audited again).
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";

    /** The answer header on a repeated call. */
    public static final String REPLAYED = "Idempotent-Replayed";

    static final int WAIT_MILLIS = 10_000;

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");
    /** Calls whose answers are never kept: a reveal (personal data in clear, audited each time) and a password reset. */
    private static final Pattern UNREMEMBERED = Pattern.compile(".*/(reveal|password-reset)/?");
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final String STATUS = IdempotencyFilter.class.getName() + ".status";

    /** The claimed call's owner and key, kept in the request's properties until its answer is kept. */
    private record Claimed(String owner, String key) {
    }

    @EJB
    IdempotentCalls calls;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            return;
        }
        if (!KEY.matcher(key).matches()) {
            request.abortWith(problem(request, 400, "error.idempotencyKey.format"));
            return;
        }
        Principal who = request.getSecurityContext().getUserPrincipal();
        if (who == null) {
            return; // not signed in: refused as every such call is
        }
        if (UNREMEMBERED.matcher(request.getUriInfo().getPath()).matches()) {
            return; // answers with personal data in clear or a credential: never kept, a retry runs again
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String digest = digest(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                request.getUriInfo().getRequestUri().getRawQuery(), body);
        long giveUp = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            IdempotentCalls.Claim claim = calls.claim(who.getName(), key, digest);
            switch (claim.state()) {
                case CLAIMED -> {
                    request.setProperty(CLAIM, new Claimed(who.getName(), key));
                    return;
                }
                case ANSWERED -> {
                    request.abortWith(replay(claim.answer()));
                    return;
                }
                case OTHER_CALL -> {
                    request.abortWith(problem(request, 422, "error.idempotencyKey.otherCall"));
                    return;
                }
                case RUNNING, RACED -> {
                    if (System.currentTimeMillis() > giveUp) {
                        request.abortWith(problem(request, 409, "error.idempotencyKey.running"));
                        return;
                    }
                    pause();
                }
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claimed claimed)) {
            return;
        }
        if (response.getStatus() >= 500) {
            request.removeProperty(CLAIM);
            calls.release(claimed.owner(), claimed.key());
        } else if (!response.hasEntity()) {
            request.removeProperty(CLAIM);
            calls.answer(claimed.owner(), claimed.key(), new IdempotentCalls.Answer(response.getStatus(), null,
                    location(response.getHeaderString(HttpHeaders.LOCATION)), null));
        } else {
            request.setProperty(STATUS, response.getStatus());
        }
    }

    /** Writes a claimed call's answer into memory first, keeps it, then sends it. */
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(CLAIM) instanceof Claimed claimed) || !(context.getProperty(STATUS) instanceof Integer status)) {
            context.proceed();
            return;
        }
        context.removeProperty(CLAIM);
        OutputStream out = context.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        context.setOutputStream(buffer);
        context.proceed();
        byte[] body = buffer.toByteArray();
        MediaType type = context.getMediaType();
        Object location = context.getHeaders().getFirst(HttpHeaders.LOCATION);
        calls.answer(claimed.owner(), claimed.key(), new IdempotentCalls.Answer(status,
                type == null ? null : type.toString(), location(location == null ? null : location.toString()), body));
        out.write(body);
    }

    private static String location(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Response replay(IdempotentCalls.Answer a) {
        Response.ResponseBuilder b = Response.status(a.status()).header(REPLAYED, "true");
        if (a.location() != null) {
            b.header(HttpHeaders.LOCATION, a.location());
        }
        if (a.body() != null) {
            b.entity(a.body()).type(a.contentType() == null ? MediaType.APPLICATION_JSON : a.contentType());
        }
        return b.build();
    }

    private static Response problem(ContainerRequestContext request, int status, String key) {
        return Response.status(status).type(Problems.MEDIA_TYPE).entity(Problems.of(status, key,
                WusheExceptionMapper.locale(request.getAcceptableLanguages()), List.of()).toString()).build();
    }

    /** SHA-256 of the call: method, path, query and body. */
    static String digest(String method, String path, String query, byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((method + ' ' + path + '?' + (query == null ? "" : query) + '\n').getBytes(StandardCharsets.UTF_8));
            md.update(body);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the same call", e);
        }
    }
}
