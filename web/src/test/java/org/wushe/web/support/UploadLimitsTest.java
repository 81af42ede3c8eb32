package org.wushe.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wushe.web.support.UploadLimitFilter.Use;

/** Which limit a path gets: uploads only on the two upload pages, small bodies on the open pages. */
class UploadLimitsTest {

    @Test
    void theUploadPages_andTheRestUploads_haveTheirOwnUse() {
        assertEquals(Use.CONSOLE, Use.of("/operator/jobs.xhtml"));
        assertEquals(Use.FUND_PAGE, Use.of("/fund/project.xhtml"));
        assertEquals(Use.FUND_API, Use.of("/api/fund/expenditures"));
        assertEquals(Use.FUND_API, Use.of("/api/projects/12/progress"));
        assertTrue(Use.CONSOLE.multipart && Use.FUND_PAGE.multipart);
    }

    @Test
    void signInPublicAndStatic_areOpenAndSmall_everythingElseIsTheWorkstation() {
        for (String open : new String[] {"/login.xhtml", "/public/fund.xhtml", "/jakarta.faces.resource/x.js", "/resources/css/wushe.css"}) {
            assertEquals(Use.OPEN, Use.of(open), open);
        }
        assertEquals(64 * 1024, Use.OPEN.everyone());
        assertEquals(Use.WORKSTATION, Use.of("/fund/overview.xhtml"));
        assertEquals(Use.WORKSTATION, Use.of("/operator/other.xhtml"));
        assertEquals(Use.WORKSTATION, Use.of("/"));
        assertEquals(Use.API, Use.of("/api/jobs/residents-import/executions"));
        assertEquals(Use.API, Use.of("/api/fund/C001/donations"));
        assertEquals(2 * 1024 * 1024, Use.WORKSTATION.everyone());
        assertEquals(Use.WORKSTATION.everyone(), Use.CONSOLE.everyone(), "the console's large limit is for operators only");
    }

    @Test
    void aFundPage_takesSixFilesOf5MB_andTheirBase64_butNotMore() {
        assertEquals(31L * 1024 * 1024, Use.FUND_PAGE.uploaders());
        assertTrue(Use.FUND_API.uploaders() > 6 * 5 * 1024 * 1024 * 4L / 3);
        assertEquals("64 KB", UploadLimitFilter.size(64 * 1024));
        assertEquals("2 MB", UploadLimitFilter.size(2 * 1024 * 1024));
    }
}
