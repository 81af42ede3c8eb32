package org.wushe.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API under {@code /api}: JSON, HTTP Basic sign-in, the same scope and masking as the
 * screens, errors as RFC 9457 problem documents.
 */
@ApplicationPath("api")
public class ApiApplication extends Application {
}
