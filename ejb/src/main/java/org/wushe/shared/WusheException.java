package org.wushe.shared;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A refusal the user can understand. It carries a message key (resolved against the
 * {@code messages} bundle by the screens and the REST layer) and the arguments of the message.
 * The exception message itself is English, for logs. Thrown from a service it rolls the
 * transaction back, so nothing half-done is kept.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class WusheException extends RuntimeException {

    private final String key;
    private final List<Object> args;

    protected WusheException(String key, String message, Object... args) {
        super(message);
        this.key = key;
        this.args = List.of(args);
    }

    /** The message key in the bundle, e.g. {@code error.notInScope}. */
    public String key() {
        return key;
    }

    /** The arguments of the message, in order ({0}, {1}, ...). */
    public List<Object> args() {
        return args;
    }

    /** The HTTP status that fits this refusal; used once, by the REST problem mapper. */
    public abstract int httpStatus();
}
