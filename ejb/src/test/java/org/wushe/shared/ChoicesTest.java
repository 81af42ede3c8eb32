package org.wushe.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoicesTest {

    enum Colour { RED, DARK_BLUE }

    private static List<ValidationException.FieldError> errors(ValidationException.Collector c) {
        return c.errors();
    }

    @Test
    void aChoice_isStrippedAndUpperCased() {
        ValidationException.Collector errors = new ValidationException.Collector();
        assertEquals(Colour.RED, Choices.required("colour", Colour.class, "red", errors));
        assertEquals(Colour.DARK_BLUE, Choices.required("colour", Colour.class, " dark_blue\t", errors));
        assertEquals(Colour.RED, Choices.optional("colour", Colour.class, "\u3000Red\u3000", null, errors));
        assertTrue(errors(errors).isEmpty());
    }

    @Test
    void aRequiredChoice_leftBlank_isErrorRequiredOnTheField() {
        for (String blank : new String[] {null, "", "   "}) {
            ValidationException.Collector errors = new ValidationException.Collector();
            assertNull(Choices.required("colour", Colour.class, blank, errors));
            assertEquals(List.of(new ValidationException.FieldError("colour", "error.required", List.of())),
                    errors(errors));
        }
    }

    @Test
    void anOptionalChoice_leftBlank_isItsDefault_withoutError() {
        ValidationException.Collector errors = new ValidationException.Collector();
        assertEquals(Colour.RED, Choices.optional("colour", Colour.class, " ", Colour.RED, errors));
        assertNull(Choices.optional("colour", Colour.class, null, null, errors));
        assertTrue(errors(errors).isEmpty());
    }

    @Test
    void anUnknownChoice_isErrorChoiceWithTheTextAsTyped_andNeverTheDefault() {
        ValidationException.Collector errors = new ValidationException.Collector();
        assertNull(Choices.optional("colour", Colour.class, " green ", Colour.RED, errors));
        assertNull(Choices.required("shade", Colour.class, "RED;", errors));
        assertEquals(2, errors(errors).size());
        assertEquals("colour", errors(errors).get(0).field());
        assertEquals("error.choice", errors(errors).get(0).key());
        assertEquals(List.of(" green "), errors(errors).get(0).args());
        assertEquals("shade", errors(errors).get(1).field());
    }

    @Test
    void anAmount_isRequired_andWithinItsBounds_underTheCallersKey() {
        ValidationException.Collector errors = new ValidationException.Collector();
        assertEquals(1L, Choices.amount("fen", 1L, 1, 100, "x.range", errors));
        assertEquals(100L, Choices.amount("fen", 100L, 1, 100, "x.range", errors));
        assertTrue(errors(errors).isEmpty());
        assertNull(Choices.amount("fen", null, 1, 100, "x.range", errors));
        assertEquals(0L, Choices.amount("fen", 0L, 1, 100, "x.range", errors));
        assertEquals(101L, Choices.amount("fen", 101L, 1, 100, "x.range", errors));
        assertEquals(List.of("error.required", "x.range", "x.range"),
                errors(errors).stream().map(ValidationException.FieldError::key).toList());
    }
}
