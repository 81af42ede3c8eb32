package org.wushe.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineBreakerTest {

    /** Every character 1 wide, a Chinese character 2: easy to count. */
    private static double width(String s) {
        return s.codePoints().map(cp -> LineBreaker.breaksAnywhere(cp) ? 2 : 1).sum();
    }

    @Test
    void chineseBreaksAfterAnyCharacter() {
        assertEquals(List.of("社区需求", "办结率"), LineBreaker.wrap("社区需求办结率", 8, LineBreakerTest::width));
    }

    @Test
    void latinBreaksBetweenWordsOnly() {
        assertEquals(List.of("the closure", "rate of the", "month"),
                LineBreaker.wrap("the closure rate of the month", 11, LineBreakerTest::width));
    }

    @Test
    void aWordLongerThanTheLineIsCut() {
        assertEquals(List.of("abcde", "fghij", "k"), LineBreaker.wrap("abcdefghijk", 5, LineBreakerTest::width));
    }

    @Test
    void mixedTextKeepsLatinWordsWhole() {
        assertEquals(List.of("办结 closed", "需求"), LineBreaker.wrap("办结 closed 需求", 11, LineBreakerTest::width));
    }

    @Test
    void closingPunctuationDoesNotStartALine() {
        assertEquals(List.of("需求办结。", "满意"), LineBreaker.wrap("需求办结。满意", 8, LineBreakerTest::width));
    }

    @Test
    void explicitLineEndsAreKept() {
        assertEquals(List.of("第一行", "", "second"), LineBreaker.wrap("第一行\n\nsecond", 40, LineBreakerTest::width));
    }
}
