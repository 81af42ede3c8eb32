package org.wushe.shared;

/** The request clashes with the stored state (a duplicate, a stale version, a locked account). */
public class ConflictException extends WusheException {
    public ConflictException(String key, String message, Object... args) {
        super(key, message, args);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
