package org.wushe.web.api.contract;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * Build time only (the swagger Maven plugin's {@code modelConverterClasses}): names the contract's
 * schemas so that two classes never share one. A top-level class keeps its simple name
 * ({@code ResidentView}); a nested class is named with the classes around it
 * ({@code ResidentResource.RevealInput}), since several resources have a body class of the same
 * simple name. Two classes that would still get one name stop the build.
 */
public class SchemaNames extends ModelResolver {

    public SchemaNames() {
        super(Json.mapper(), new Names());
    }

    static final class Names extends TypeNameResolver {

        private final Map<String, Class<?>> seen = new HashMap<>();

        @Override
        protected String getNameOfClass(Class<?> cls) {
            String name = name(cls);
            Class<?> before = seen.putIfAbsent(name, cls);
            if (before != null && before != cls) {
                throw new IllegalStateException("Two classes would share the schema name " + name + ": "
                        + before.getName() + " and " + cls.getName());
            }
            return name;
        }

        static String name(Class<?> cls) {
            Class<?> outer = cls.getEnclosingClass();
            return outer == null || cls.isAnonymousClass() || cls.isLocalClass()
                    ? cls.getSimpleName() : name(outer) + "." + cls.getSimpleName();
        }
    }
}
