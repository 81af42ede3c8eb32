package org.wushe.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wushe.platform.DemoPolicy.Decision;
import org.wushe.platform.DemoPolicy.Facts;
import org.wushe.platform.DemoPolicy.Kind;
import org.wushe.platform.DemoPolicy.Verdict;

class DemoPolicyTest {

    private static Facts demo(boolean postgresql, boolean allow, Kind recorded, long communities, long accounts,
                              long foreignCommunities, long foreignAccounts) {
        return new Facts(true, postgresql, allow, recorded, communities, accounts, foreignCommunities, foreignAccounts);
    }

    private static Facts derbyDemo(Kind recorded, long communities, long accounts, long foreignC, long foreignA) {
        return demo(false, false, recorded, communities, accounts, foreignC, foreignA);
    }

    @Test
    void emptyDatabase_getsTheDemoAndIsRecordedAsDemo() {
        Verdict v = DemoPolicy.decide(derbyDemo(null, 0, 0, 0, 0));
        assertEquals(Decision.LOAD, v.decision());
        assertEquals(Kind.DEMO, v.record());
    }

    @Test
    void adminOnlyDatabase_isNotEmpty_andNeverGetsTheDemo() {
        Verdict v = DemoPolicy.decide(derbyDemo(null, 0, 1, 0, 0));
        assertEquals(Decision.REFUSE_DATA, v.decision());
        assertNull(v.record());
    }

    @Test
    void databaseWithOtherCommunitiesOrAccounts_isRefused() {
        assertEquals(Decision.REFUSE_DATA, DemoPolicy.decide(derbyDemo(null, 5, 30, 1, 0)).decision());
        assertEquals(Decision.REFUSE_DATA, DemoPolicy.decide(derbyDemo(null, 4, 23, 0, 1)).decision());
    }

    @Test
    void productionMarker_isNeverGivenTheDemo_evenWhenEmpty() {
        Verdict v = DemoPolicy.decide(derbyDemo(Kind.PRODUCTION, 0, 0, 0, 0));
        assertEquals(Decision.REFUSE_DATA, v.decision());
        assertNull(v.record(), "a production database stays production");
    }

    @Test
    void demoDatabase_isLeftAsItIs_whateverItsUsersAddedSince() {
        Verdict v = DemoPolicy.decide(derbyDemo(Kind.DEMO, 12, 80, 8, 58));
        assertEquals(Decision.ALREADY_LOADED, v.decision());
        assertNull(v.record());
    }

    @Test
    void olderDemoDatabaseWithoutMarker_isRecognisedAndRecorded() {
        Verdict v = DemoPolicy.decide(derbyDemo(null, 4, 22, 0, 0));
        assertEquals(Decision.ALREADY_LOADED, v.decision());
        assertEquals(Kind.DEMO, v.record());
    }

    @Test
    void demoModeOnPostgresql_refusesToStart_unlessExplicitlyAllowed() {
        Verdict refused = DemoPolicy.decide(demo(true, false, null, 0, 0, 0, 0));
        assertEquals(Decision.REFUSE_START, refused.decision());
        assertTrue(refused.reason().contains("wushe.demo.allowPostgresql"), refused.reason());
        assertEquals(Decision.LOAD, DemoPolicy.decide(demo(true, true, null, 0, 0, 0, 0)).decision());
    }

    @Test
    void demoModeOnPostgresql_refusesToStart_evenOnAProductionDatabase() {
        assertEquals(Decision.REFUSE_START, DemoPolicy.decide(demo(true, false, Kind.PRODUCTION, 3, 9, 3, 9)).decision());
        assertEquals(Decision.REFUSE_DATA, DemoPolicy.decide(demo(true, true, Kind.PRODUCTION, 3, 9, 3, 9)).decision());
    }

    @Test
    void productionStart_recordsProductionOnce() {
        Verdict first = DemoPolicy.decide(new Facts(false, true, false, null, 0, 0, 0, 0));
        assertEquals(Decision.NOT_DEMO, first.decision());
        assertEquals(Kind.PRODUCTION, first.record());
        Verdict later = DemoPolicy.decide(new Facts(false, true, false, Kind.PRODUCTION, 3, 9, 3, 9));
        assertEquals(Decision.NOT_DEMO, later.decision());
        assertNull(later.record());
    }

    @Test
    void productionStartOnADemoDatabase_refusesToStart() {
        Verdict v = DemoPolicy.decide(new Facts(false, false, false, Kind.DEMO, 4, 22, 0, 0));
        assertEquals(Decision.REFUSE_START, v.decision());
        assertTrue(v.reason().contains("published password"), v.reason());
    }
}
