package org.wushe.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST contract the build generated ({@code openapi.json} beside {@link OpenApiResource}) holds
 * every resource method of this package — found here by reflection, not by the generator — with its
 * verb and full path, and nothing else; operation ids are unique; every operation is in one zone's
 * tag and answers its errors as problem documents; the security schemes are there.
 */
class OpenApiContractTest {

    private static OpenAPI contract;

    @BeforeAll
    static void readTheGeneratedContract() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.json")) {
            assertNotNull(in, "the build generates openapi.json into the classes (web/pom.xml)");
            contract = Json.mapper().readValue(in, OpenAPI.class);
        }
    }

    @Test
    void everyResourceMethod_isAnOperation_withItsVerbAndFullPath_andThereAreNoOthers() throws Exception {
        Set<String> declared = resourceMethods();
        Set<String> documented = new TreeSet<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((verb, op) -> documented.add(verb.name() + " " + path)));

        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(declared);
        assertTrue(declared.size() > 200, "the resources were found: " + declared.size());
        assertTrue(missing.isEmpty(), "resource methods missing from the contract: " + missing);
        assertTrue(extra.isEmpty(), "operations of the contract no resource method has: " + extra);
    }

    @Test
    void operationIds_areUnique_andEveryOperationIsInOneZone() {
        Set<String> zones = contract.getTags().stream().map(Tag::getName).collect(Collectors.toSet());
        Map<String, List<String>> byId = new HashMap<>();
        List<String> untagged = new ArrayList<>();
        operations().forEach((where, op) -> {
            assertNotNull(op.getOperationId(), where + " has no operation id");
            byId.computeIfAbsent(op.getOperationId(), k -> new ArrayList<>()).add(where);
            if (op.getTags() == null || op.getTags().size() != 1 || !zones.contains(op.getTags().get(0))) {
                untagged.add(where + " " + op.getTags());
            }
        });
        Map<String, List<String>> repeated = byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertTrue(repeated.isEmpty(), "operation ids used more than once: " + repeated);
        assertTrue(untagged.isEmpty(), "operations without one of the zones' tags " + zones + " (@Tag on the class): "
                + untagged);
    }

    @Test
    void everyOperation_answersItsErrorsAsProblemDocuments() {
        assertNotNull(contract.getComponents().getSchemas().get("Problem"));
        assertEquals(Set.of("type", "title", "status", "detail", "errors", "incident"),
                contract.getComponents().getSchemas().get("Problem").getProperties().keySet());
        assertTrue(contract.getComponents().getResponses().get("BadRequest").getContent()
                .containsKey(Problems.MEDIA_TYPE));
        operations().forEach((where, op) -> {
            for (String status : List.of("400", "401", "403", "404", "500")) {
                assertNotNull(op.getResponses().get(status), where + " lacks " + status);
                assertTrue(op.getResponses().get(status).get$ref().startsWith("#/components/responses/"), where);
            }
            assertTrue(op.getResponses().keySet().stream().anyMatch(s -> s.startsWith("2")),
                    where + " has no success answer: " + op.getResponses().keySet());
        });
    }

    @Test
    void everySuccessAnswer_namesTheShapeOfItsBody() {
        List<String> unnamed = new ArrayList<>();
        operations().forEach((where, op) -> op.getResponses().forEach((status, answer) -> {
            if (status.startsWith("2") && answer.getContent() != null) {
                answer.getContent().forEach((type, media) -> {
                    if (media.getSchema() == null) {
                        unnamed.add(where + " " + status + " " + type);
                    }
                });
            }
        }));
        assertTrue(unnamed.isEmpty(), "answers without a schema (a method returning Response needs an @ApiResponse "
                + "naming its entity's class): " + unnamed);
    }

    @Test
    void theContract_namesItsServer_version_andSignIn() {
        assertEquals("/wushe/api", contract.getServers().get(0).getUrl());
        assertFalse(contract.getInfo().getVersion().isBlank());
        assertFalse(contract.getInfo().getVersion().contains("${"), "the build fills in the project's version");
        SecurityScheme basic = contract.getComponents().getSecuritySchemes().get("basicAuth");
        assertEquals(SecurityScheme.Type.HTTP, basic.getType());
        assertEquals("basic", basic.getScheme());
        SecurityScheme otp = contract.getComponents().getSecuritySchemes().get("secondFactor");
        assertEquals(SecurityScheme.In.HEADER, otp.getIn());
        assertEquals("X-Wushe-Otp", otp.getName());
        assertTrue(contract.getSecurity().stream().allMatch(r -> r.containsKey("basicAuth")));
    }

    @Test
    void pathsAreNormalised_likeTheContractWritesThem() {
        assertEquals("/organisations/{id}/funding/{year}", path("/organisations/", "{id: \\d+}/funding/{year: \\d+}"));
        assertEquals("/me", path("me", ""));
        assertEquals("/accounts/{username}/password-reset", path("accounts/{username}/password-reset", null));
        assertEquals("/needs", path("", "needs"));
    }

    /** "VERB /full/path" of every resource method of the package, path parameters without their pattern. */
    private static Set<String> resourceMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> found = new TreeSet<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method m : resource.getMethods()) {
                String verb = verbOf(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                found.add(verb + " " + path(resource.getAnnotation(Path.class).value(), sub == null ? null : sub.value()));
            }
        }
        return found;
    }

    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        String pkg = OpenApiResource.class.getPackageName();
        // the directory of the main classes (the tests' own directory of the package comes first)
        URL main = OpenApiResource.class.getResource("OpenApiResource.class");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(Paths.get(main.toURI()).getParent())) {
            for (String file : files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class")).sorted().toList()) {
                Class<?> c = Class.forName(pkg + "." + file.substring(0, file.length() - 6), false,
                        OpenApiResource.class.getClassLoader());
                if (c.isAnnotationPresent(Path.class) && !Modifier.isAbstract(c.getModifiers())) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }

    private static String verbOf(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** The class's and the method's {@code @Path} joined as the contract writes them. */
    static String path(String classPath, String methodPath) {
        String joined = "/" + classPath + "/" + (methodPath == null ? "" : methodPath);
        String plain = joined.replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    private static Map<String, Operation> operations() {
        Map<String, Operation> all = new HashMap<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((PathItem.HttpMethod verb, Operation op) -> all.put(verb + " " + path, op)));
        return all;
    }
}
