package org.wushe.security.domain;

/** Gives unpersisted entities the id the database would give them; scope checks compare ids. */
final class Ids {

    private Ids() {
    }

    static <T> T withId(T entity, long id) {
        try {
            var field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
