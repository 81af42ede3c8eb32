package org.wushe.shared;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void of_carriesFieldKeyAndArguments() {
        ValidationException e = ValidationException.of("name", "error.tooLong", 50);
        assertEquals(List.of(new ValidationException.FieldError("name", "error.tooLong", List.of(50))), e.errors());
        assertEquals("error.validation", e.key());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void emptyErrorList_isAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationException(List.of()));
    }

    @Test
    void collector_keepsErrorsInOrder_andThrowsOnceWithAllOfThem() {
        ValidationException.Collector c = new ValidationException.Collector();
        c.add("a", "key.a");
        c.check(() -> {
            throw ValidationException.of("b", "key.b");
        });
        c.check(() -> { });
        c.add("c", "key.c", "x");
        assertTrue(c.has("b"));
        ValidationException e = assertThrows(ValidationException.class, c::throwIfAny);
        assertEquals(List.of("a", "b", "c"), e.errors().stream().map(ValidationException.FieldError::field).toList());
    }

    @Test
    void collector_withoutErrors_doesNotThrow() {
        assertDoesNotThrow(() -> new ValidationException.Collector().check(() -> { }).throwIfAny());
    }
}
