package org.wushe.web.api;

/** What the deliberation resources share: the answer for something created and the empty request body. */
public final class DeliberationBodies {

    private DeliberationBodies() {
    }

    /** What was created: its id (and for proposals, revision and status). */
    public record Created(Long id, String status, Integer revision) {
    }

    /** The request body, or an empty one when none was sent (the services then say what is missing). */
    static <T> T body(T in, T empty) {
        return in == null ? empty : in;
    }
}
