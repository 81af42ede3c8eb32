package org.wushe.shared;

/** The record belongs to a community (or grid cell) outside the caller's scope. */
public class NotInScopeException extends WusheException {
    public NotInScopeException(String what) {
        super("error.notInScope", "Not in the caller's scope: " + what, what);
    }

    private NotInScopeException(String key, String message, String what) {
        super(key, message, what);
    }

    /**
     * A person of the caller's community who lives outside the caller's grid cells
     * ({@code error.personNotInScope}, naming the grid cell).
     */
    public static NotInScopeException person(String gridCode) {
        return new NotInScopeException("error.personNotInScope", "Person outside the caller's grid cells: " + gridCode,
                gridCode);
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
