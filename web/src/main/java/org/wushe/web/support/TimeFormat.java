package org.wushe.web.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Moments as people read them: {@code yyyy-MM-dd HH:mm:ss} in the server's time zone. */
@Named
@ApplicationScoped
public class TimeFormat {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.withZone(ZoneId.systemDefault()).format(instant);
    }
}
