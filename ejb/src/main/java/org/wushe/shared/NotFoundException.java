package org.wushe.shared;

/** No record with that key (or none the caller may know of); the kind of record shows as {@code record.<what>}. */
public class NotFoundException extends WusheException {
    public NotFoundException(String what, Object key) {
        super("error.notFound", "Not found: " + what + " " + key, new Label("record." + what), String.valueOf(key));
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
