package org.wushe.shared;

/** The caller's role does not allow this action, whatever the community. */
public class NotPermittedException extends WusheException {
    public NotPermittedException(String action) {
        super("error.notPermitted", "Role does not permit: " + action, action);
    }

    /** A refusal by a rule that names who may act, with its own message key. */
    public NotPermittedException(String key, String message) {
        super(key, message);
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
