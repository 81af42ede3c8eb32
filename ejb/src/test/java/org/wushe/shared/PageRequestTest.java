package org.wushe.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void sizeOutsideOneToTwoHundred_isRefused() {
        assertEquals("error.page.size",
                assertThrows(ValidationException.class, () -> PageRequest.of(0, 0)).errors().get(0).key());
        assertEquals("error.page.size",
                assertThrows(ValidationException.class, () -> PageRequest.of(0, 201)).errors().get(0).key());
        assertEquals("error.page.first",
                assertThrows(ValidationException.class, () -> PageRequest.of(-1, 10)).errors().get(0).key());
    }
}
