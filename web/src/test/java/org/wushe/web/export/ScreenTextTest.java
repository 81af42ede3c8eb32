package org.wushe.web.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a rendered cell reads as: its text without markup, entities decoded, spaces folded. */
class ScreenTextTest {

    @Test
    void markupIsRemoved_entitiesDecoded_spacesFolded() {
        assertEquals("企业", ScreenText.plain("<div class=\"wushe-note\">企业</div>"));
        assertEquals("A & B <c> \"d\" 'e' 社", ScreenText.plain("<p>A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39; &#31038;</p>"));
        assertEquals("借 C001 100.00 ； 贷 FUND 100.00", ScreenText.plain("<div>借 C001 100.00</div>\n ； <div>贷 FUND 100.00</div>"));
        assertEquals("=1+1", ScreenText.plain("<span>=1+1</span>"), "formula text is left to XlsxCells");
        assertEquals("x", ScreenText.plain("&#x78;"));
    }
}
