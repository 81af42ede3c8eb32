package org.wushe.home.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One line of "my work": what kind of item waits (its label is the message key {@code home.work.<kind>}),
 * how many, the oldest one's time ({@code since}) or the nearest deadline ({@code due}), the filtered
 * list it opens (a page outcome with its query parameters), and the moment it was counted.
 */
public record WorkLine(String kind, long count, Instant since, Instant due, String outcome,
                       Map<String, String> params, Instant asOf) implements Serializable {

    public WorkLine {
        params = Map.copyOf(params);
    }
}
