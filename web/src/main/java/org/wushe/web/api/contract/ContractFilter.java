package org.wushe.web.api.contract;

import io.swagger.v3.core.filter.AbstractSpecFilter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Build time only (the swagger Maven plugin's {@code filterClass}; not packed into the WAR): what
 * the REST contract needs beyond what the resource methods' signatures say.
 * <ul>
 *   <li>Every operation gets the error answers the API's exception mappers and filters make for any
 *       call, as problem documents (the {@code responses} of
 *       {@code src/main/openapi/openapi-base.yaml}): 400 refused input, 401 not signed in, 403 not
 *       permitted, 404 not found, 500 unexpected; state-changing calls also 409 changed meanwhile and
 *       413 too large.</li>
 *   <li>Downloads (CSV, PDF, images) answer binary content; the JSON such a method also produces
 *       is only for its problem documents.</li>
 *   <li>Operation ids: the Java method's name where no other operation has it; where several have
 *       it (the scanner would number them in scanning order), the verb and the path instead
 *       ({@code POST /residents/{id}/reveal} → {@code postResidentsIdReveal}), which do not change
 *       when another resource is added.</li>
 * </ul>
 */
public class ContractFilter extends AbstractSpecFilter {

    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private static final List<String[]> ALWAYS = List.of(
            new String[] {"400", "BadRequest"}, new String[] {"401", "NotSignedIn"},
            new String[] {"403", "NotPermitted"}, new String[] {"404", "NotFound"},
            new String[] {"500", "Unexpected"});

    private static final List<String[]> ON_WRITES = List.of(
            new String[] {"409", "Conflict"}, new String[] {"413", "TooLarge"});

    @Override
    public Optional<OpenAPI> filterOpenAPI(OpenAPI openAPI, Map<String, List<String>> params,
                                           Map<String, String> cookies, Map<String, List<String>> headers) {
        if (openAPI.getPaths() == null) {
            return Optional.of(openAPI);
        }
        Map<String, Integer> uses = new HashMap<>();
        openAPI.getPaths().forEach((path, item) -> item.readOperationsMap().values()
                .forEach(op -> uses.merge(methodName(op), 1, Integer::sum)));
        openAPI.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((verb, op) -> {
            String name = methodName(op);
            op.setOperationId(uses.get(name) == 1 ? name : idOf(verb, path));
            ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
            add(responses, ALWAYS);
            if (WRITES.contains(verb)) {
                add(responses, ON_WRITES);
            }
            responses.forEach((status, answer) -> {
                if (status.startsWith("2")) {
                    downloads(answer);
                }
            });
            op.setResponses(responses);
        }));
        return Optional.of(openAPI);
    }

    /** The Java method's name, without the number the scanner appends to a repeated one. */
    static String methodName(Operation op) {
        return op.getOperationId() == null ? "" : op.getOperationId().replaceFirst("_\\d+$", "");
    }

    /** {@code post} and {@code /residents/{id}/reveal} → {@code postResidentsIdReveal}. */
    static String idOf(PathItem.HttpMethod verb, String path) {
        StringBuilder id = new StringBuilder(verb.name().toLowerCase(Locale.ROOT));
        for (String word : path.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
    }

    /**
     * A download's answer (a file: CSV, PDF, an image): the file's types carry binary content, and
     * the JSON its method also produces is only there for its problem documents (already among the
     * error answers), so it is not offered as a success.
     */
    static void downloads(ApiResponse answer) {
        Content content = answer.getContent();
        if (content == null || content.keySet().stream().allMatch(type -> type.endsWith("json"))) {
            return;
        }
        content.entrySet().removeIf(e -> e.getKey().endsWith("json") && e.getValue().getSchema() == null);
        content.values().stream().filter(m -> m.getSchema() == null)
                .forEach(m -> m.setSchema(new StringSchema().format("binary")));
    }

    private static void add(ApiResponses responses, List<String[]> codes) {
        for (String[] code : codes) {
            if (!responses.containsKey(code[0])) {
                responses.addApiResponse(code[0], new ApiResponse().$ref("#/components/responses/" + code[1]));
            }
        }
    }

    @Override
    public boolean isRemovingUnreferencedDefinitions() {
        return false;
    }
}
