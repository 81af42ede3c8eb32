package org.wushe.fund.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileTypeTest {

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void sniff_knowsJpegPngAndPdf_byTheirFirstBytes() {
        assertEquals(Optional.of(FileType.JPEG), FileType.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10)));
        assertEquals(Optional.of(FileType.PNG), FileType.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)));
        assertEquals(Optional.of(FileType.PDF), FileType.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(FileType.PNG.isImage());
        assertFalse(FileType.PDF.isImage());
    }

    @Test
    void sniff_refusesOtherContent_whateverItsName() {
        assertEquals(Optional.empty(), FileType.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), FileType.sniff("<html>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), FileType.sniff(bytes(0xFF, 0xD8)));
        assertEquals(Optional.empty(), FileType.sniff(new byte[0]));
        assertEquals(Optional.empty(), FileType.sniff(null));
    }
}
