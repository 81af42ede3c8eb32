package org.wushe.security.application;

import org.wushe.shared.WusheException;

/** A service needing a caller was reached without a signed-in, enabled account. */
public class NotSignedInException extends WusheException {
    public NotSignedInException() {
        super("error.notSignedIn", "No signed-in account");
    }

    @Override
    public int httpStatus() {
        return 401;
    }
}
