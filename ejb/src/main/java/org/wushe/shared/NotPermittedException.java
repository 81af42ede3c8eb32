package org.wushe.shared;

/** The caller's role does not allow this action, whatever the community. */
public class NotPermittedException extends WusheException {
    public NotPermittedException(String action) {
        super("error.notPermitted", "Role does not permit: " + action, action);
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
