package org.wushe.shared;

/** The record belongs to a community (or grid cell) outside the caller's scope. */
public class NotInScopeException extends WusheException {
    public NotInScopeException(String what) {
        super("error.notInScope", "Not in the caller's scope: " + what, what);
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
