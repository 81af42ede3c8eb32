package org.wushe.organisation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Masking;

/** The maturity tier rule: the worked example of docs/organisations.md and every boundary. */
class MaturityTierTest {

    static final TierRule GROWING = new TierRule(MaturityTier.GROWING, 6, 10, 10, 35, 1);
    static final TierRule MATURE = new TierRule(MaturityTier.MATURE, 12, 30, 30, 40, 3);

    /** Just at every growing threshold: 6 activities, 10 members, 10 %, 3.5 from 10 respondents, 1 year. */
    static final TierInputs AT_GROWING = new TierInputs(6, 10, 10, 90, 350, 10, 1);
    /** Just at every mature threshold. */
    static final TierInputs AT_MATURE = new TierInputs(12, 30, 30, 70, 400, 10, 3);

    private static MaturityTier.Assessment assess(TierInputs in) {
        return MaturityTier.assess(in, GROWING, MATURE);
    }

    @Test
    void workedExample_isGrowing_heldBackByActivitiesMembersShareAndYears() {
        // 8 activities; ratings 4.6 × 20, 4.2 × 15, 3.8 × 15; 14 members; 3,000.00 self-raised and
        // 12,000.00 external yuan last year; founded 2 years ago.
        TierInputs in = new TierInputs(8, 14, 300_000, 1_200_000, 46 * 20 + 42 * 15 + 38 * 15, 50, 2);
        assertEquals(42, in.satisfactionTenths(), "2120 / 50 = 42.4 tenths, shown 4.2");
        assertEquals(20, in.selfSharePercent());
        MaturityTier.Assessment a = assess(in);
        assertEquals(MaturityTier.GROWING, a.tier());
        assertEquals(List.of(new Shortfall(MaturityTier.MATURE, Criterion.ACTIVITIES, 4),
                new Shortfall(MaturityTier.MATURE, Criterion.MEMBERS, 16),
                new Shortfall(MaturityTier.MATURE, Criterion.SELF_SHARE, 10),
                new Shortfall(MaturityTier.MATURE, Criterion.YEARS, 1)), a.holdingBack());
    }

    @Test
    void everyThresholdJustMet_reachesTheTier() {
        assertEquals(MaturityTier.GROWING, assess(AT_GROWING).tier());
        assertEquals(MaturityTier.MATURE, assess(AT_MATURE).tier());
        assertTrue(assess(AT_MATURE).holdingBack().isEmpty());
    }

    @Test
    void oneActivityShort_staysNascent_andSaysSo() {
        TierInputs in = new TierInputs(5, 10, 10, 90, 350, 10, 1);
        MaturityTier.Assessment a = assess(in);
        assertEquals(MaturityTier.NASCENT, a.tier());
        assertEquals(List.of(new Shortfall(MaturityTier.GROWING, Criterion.ACTIVITIES, 1)), a.holdingBack());
    }

    @Test
    void oneMemberShort_staysNascent() {
        assertEquals(List.of(new Shortfall(MaturityTier.GROWING, Criterion.MEMBERS, 1)),
                assess(new TierInputs(6, 9, 10, 90, 350, 10, 1)).holdingBack());
    }

    @Test
    void shareJustUnder_isShortByOnePoint() {
        MaturityTier.Assessment a = assess(new TierInputs(6, 10, 9_999, 90_001, 350, 10, 1));
        assertEquals(MaturityTier.NASCENT, a.tier());
        assertEquals(List.of(new Shortfall(MaturityTier.GROWING, Criterion.SELF_SHARE, 1)), a.holdingBack());
    }

    @Test
    void noFundsAtAll_missesTheWholeShare() {
        assertEquals(List.of(new Shortfall(MaturityTier.GROWING, Criterion.SELF_SHARE, 10)),
                assess(new TierInputs(6, 10, 0, 0, 350, 10, 1)).holdingBack());
    }

    @Test
    void satisfactionJustUnder_isShortByOneTenth() {
        Shortfall s = assess(new TierInputs(6, 10, 10, 90, 349, 10, 1)).holdingBack().get(0);
        assertEquals(new Shortfall(MaturityTier.GROWING, Criterion.SATISFACTION, 1), s);
        assertEquals("0.1", s.shownGap());
        assertEquals("organisation.short.SATISFACTION", s.key());
    }

    @Test
    void satisfactionIsRespondentWeighted() {
        // 5.0 from 1 respondent and 3.0 from 9: the mean is 3.2, not 4.0.
        TierInputs in = new TierInputs(6, 10, 10, 90, 50 + 30 * 9, 10, 1);
        assertEquals(32, in.satisfactionTenths());
        assertEquals(MaturityTier.NASCENT, assess(in).tier());
    }

    @Test
    void nobodyRated_isHeldBackByAMissingSatisfaction() {
        TierInputs in = new TierInputs(6, 10, 10, 90, 0, 0, 1);
        assertNull(in.satisfactionTenths());
        Shortfall s = assess(in).holdingBack().get(0);
        assertEquals(Criterion.SATISFACTION, s.criterion());
        assertEquals("organisation.short.SATISFACTION.none", s.key());
    }

    @Test
    void oneYearShort_staysNascent() {
        assertEquals(List.of(new Shortfall(MaturityTier.GROWING, Criterion.YEARS, 1)),
                assess(new TierInputs(6, 10, 10, 90, 350, 10, 0)).holdingBack());
    }

    @Test
    void matureBoundaries_eachOneShort_staysGrowing() {
        List<TierInputs> shortOfMature = List.of(new TierInputs(11, 30, 30, 70, 400, 10, 3),
                new TierInputs(12, 29, 30, 70, 400, 10, 3), new TierInputs(12, 30, 29, 71, 400, 10, 3),
                new TierInputs(12, 30, 30, 70, 399, 10, 3), new TierInputs(12, 30, 30, 70, 400, 10, 2));
        for (TierInputs in : shortOfMature) {
            MaturityTier.Assessment a = assess(in);
            assertEquals(MaturityTier.GROWING, a.tier(), in.toString());
            assertEquals(1, a.holdingBack().size(), in.toString());
            assertEquals(1, a.holdingBack().get(0).gap(), in.toString());
        }
    }

    @Test
    void matureThresholdsMet_butNotGrowingOnes_isNotMature() {
        // A bureau could set a growing threshold the mature one does not repeat; both must hold.
        TierRule odd = new TierRule(MaturityTier.GROWING, 0, 0, 0, 10, 5);
        assertEquals(MaturityTier.NASCENT, MaturityTier.assess(AT_MATURE, odd, MATURE).tier());
    }

    @Test
    void names_areMaskedAfterTheFirstCharacter() {
        assertEquals("张*", Masking.name("张三"));
        assertEquals("欧**", Masking.name("欧阳修"));
        assertEquals("李*", Masking.name("李"));
        assertNull(Masking.name(null));
    }
}
