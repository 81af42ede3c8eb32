package org.wushe.shared;

/**
 * An argument of a message that is itself a text to show in the reader's language (a status, a kind
 * of record), given by its message key. The screens and the API resolve it before formatting.
 */
public record Label(String key) {

    @Override
    public String toString() {
        return key;
    }
}
