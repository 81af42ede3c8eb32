package org.wushe.fund.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DonorReportTest {

    @Test
    void fileNames_carryNoDonorName_andDifferPerDonor() {
        assertEquals("donor-C001-R42-2026-11.pdf", DonorReport.fileName("C001", "R42", "2026-11"));
        String a = DonorReport.fileName("C001", "江城慈善基金会", "2026-11");
        String b = DonorReport.fileName("C001", "街角面包店", "2026-11");
        assertTrue(a.matches("donor-C001-D[0-9a-f]{12}-2026-11\\.pdf"), a);
        assertNotEquals(a, b);
        assertEquals(a, DonorReport.fileName("C001", "江城慈善基金会", "2026-11"), "the same donor, the same file");
    }

    @Test
    void yuan_hasTwoDecimals() {
        assertEquals("1,234.50", DonorReport.yuan(123_450));
        assertEquals("0.00", DonorReport.yuan(0));
    }
}
