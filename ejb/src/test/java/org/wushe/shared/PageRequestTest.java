package org.wushe.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static ValidationException.FieldError refused(int first, int size) {
        ValidationException e = assertThrows(ValidationException.class, () -> PageRequest.of(first, size));
        assertEquals(1, e.errors().size());
        assertEquals(400, e.httpStatus());
        return e.errors().get(0);
    }

    @Test
    void sizeZero_isRefused() {
        ValidationException.FieldError error = refused(0, 0);
        assertEquals("size", error.field());
        assertEquals("error.page.size", error.key());
        assertEquals(List.of(200), error.args());
    }

    @Test
    void size201_isRefused() {
        assertEquals("error.page.size", refused(0, 201).key());
        assertEquals("error.page.size", refused(0, -5).key());
    }

    @Test
    void negativeFirst_isRefused() {
        ValidationException.FieldError error = refused(-1, 10);
        assertEquals("first", error.field());
        assertEquals("error.page.first", error.key());
    }

    @Test
    void sizesOneToTwoHundred_andFirstZero_areAccepted() {
        assertEquals(new PageRequest(0, 1), PageRequest.of(0, 1));
        assertEquals(200, PageRequest.of(0, PageRequest.MAX_SIZE).size());
        assertEquals(400, PageRequest.of(400, 200).first());
    }
}
