package org.wushe.security.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wushe.security.domain.Ids.withId;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;
import org.wushe.shared.ValidationException;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final String OFFICE = "10.1.2.3";
    private static final String STRANGER = "203.0.113.9";

    private final SubDistrict east = withId(new SubDistrict("SD01", "东湖街道"), 1L);
    private final Community taoyuan = withId(new Community("C001", "桃园社区", east), 11L);
    private final Community shuiguohu = withId(new Community("C002", "水果湖社区", east), 12L);
    private final GridCell taoyuanOne = withId(new GridCell("C001-G01", "桃园一网格", taoyuan), 101L);
    private final GridCell taoyuanTwo = withId(new GridCell("C001-G02", "桃园二网格", taoyuan), 102L);
    private final GridCell hubin = withId(new GridCell("C002-G01", "湖滨网格", shuiguohu), 201L);

    private final Account account = Account.cityWide("admin", "hash", "管理员", Role.SYSTEM_ADMIN, NOW);

    private static Instant plusMinutes(long minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }

    private static ValidationException refused(Executable factory) {
        ValidationException e = assertThrows(ValidationException.class, factory);
        assertEquals(1, e.errors().size());
        return e;
    }

    private void fail(int times, Instant at) {
        for (int i = 0; i < times; i++) {
            account.recordFailedSignIn(at);
        }
    }

    @Test
    void newAccount_isNotLocked() {
        assertFalse(account.isLockedAt(NOW));
        assertEquals(0, account.getFailedSignIns());
        assertNull(account.getLockedUntil());
    }

    @Test
    void fourFailures_doNotLock() {
        for (int i = 0; i < 4; i++) {
            assertFalse(account.recordFailedSignIn(NOW), "failure " + (i + 1));
        }
        assertEquals(4, account.getFailedSignIns());
        assertFalse(account.isLockedAt(NOW));
    }

    @Test
    void fifthFailure_locksForFifteenMinutes() {
        fail(4, NOW);
        assertTrue(account.recordFailedSignIn(NOW), "the fifth failure locks");
        assertEquals(plusMinutes(15), account.getLockedUntil());
        assertTrue(account.isLockedAt(NOW));
        assertTrue(account.isLockedAt(plusMinutes(14)));
        assertTrue(account.isLockedAt(plusMinutes(15).minusMillis(1)));
        assertFalse(account.isLockedAt(plusMinutes(15)));
    }

    @Test
    void lock_runsFromTheFifthFailure_notTheFirst() {
        fail(4, NOW);
        Instant fifth = plusMinutes(10);
        assertTrue(account.recordFailedSignIn(fifth));
        assertEquals(fifth.plus(Account.LOCK_DURATION), account.getLockedUntil());
        assertTrue(account.isLockedAt(plusMinutes(24)));
        assertFalse(account.isLockedAt(plusMinutes(25)));
    }

    @Test
    void afterTheLockEnds_countingStartsAgain() {
        fail(5, NOW);
        Instant after = plusMinutes(15);
        assertFalse(account.recordFailedSignIn(after));
        assertEquals(1, account.getFailedSignIns());
        assertNull(account.getLockedUntil());
        assertFalse(account.isLockedAt(after));
        for (int i = 0; i < 3; i++) {
            assertFalse(account.recordFailedSignIn(after));
        }
        assertTrue(account.recordFailedSignIn(after), "five new failures are needed to lock again");
        assertEquals(after.plus(Account.LOCK_DURATION), account.getLockedUntil());
    }

    @Test
    void successfulSignIn_resetsTheCount() {
        fail(4, NOW);
        account.recordSuccessfulSignIn(OFFICE, NOW);
        assertEquals(0, account.getFailedSignIns());
        for (int i = 0; i < 4; i++) {
            assertFalse(account.recordFailedSignIn(NOW), "the count started again from zero");
        }
        assertFalse(account.isLockedAt(NOW));
    }

    @Test
    void successfulSignIn_fromAKnownAddress_leavesARunningLockForTheOthers() {
        account.recordSuccessfulSignIn(OFFICE, NOW);
        fail(5, NOW);
        account.recordSuccessfulSignIn(OFFICE, plusMinutes(1));
        assertTrue(account.isLockedAt(plusMinutes(1)));
        assertTrue(account.refusesFrom(STRANGER, plusMinutes(1)));
        assertFalse(account.refusesFrom(OFFICE, plusMinutes(1)));
    }

    @Test
    void successfulSignIn_afterTheLockRanOut_clearsIt() {
        fail(5, NOW);
        account.recordSuccessfulSignIn(OFFICE, plusMinutes(15));
        assertNull(account.getLockedUntil());
    }

    @Test
    void lockedAccount_knownAddress_mayStillSignIn() {
        account.recordSuccessfulSignIn(OFFICE, NOW);
        fail(5, plusMinutes(1));
        assertTrue(account.isLockedAt(plusMinutes(2)));
        assertFalse(account.refusesFrom(OFFICE, plusMinutes(2)), "the lock does not hold where the account signed in");
        assertTrue(account.refusesFrom(STRANGER, plusMinutes(2)), "it holds everywhere else");
        assertFalse(account.refusesFrom(STRANGER, plusMinutes(16)), "until it ends");
    }

    @Test
    void newAccount_knowsNoAddress_soALockHoldsEverywhere() {
        fail(5, NOW);
        assertTrue(account.refusesFrom(OFFICE, NOW));
        assertEquals(java.util.List.of(), account.getKnownAddresses());
    }

    @Test
    void failuresWhileLocked_doNotCount_soTheLockEndsFifteenMinutesAfterItBegan() {
        fail(5, NOW);
        for (int i = 0; i < 10; i++) {
            assertFalse(account.recordFailedSignIn(plusMinutes(10)));
        }
        assertEquals(plusMinutes(15), account.getLockedUntil());
        assertFalse(account.isLockedAt(plusMinutes(15)));
    }

    @Test
    void knownAddresses_keepTheLatestFive() {
        for (int i = 1; i <= 7; i++) {
            account.recordSuccessfulSignIn("192.0.2." + i, NOW.plus(Duration.ofHours(i)));
        }
        assertEquals(java.util.List.of("192.0.2.7", "192.0.2.6", "192.0.2.5", "192.0.2.4", "192.0.2.3"),
                account.getKnownAddresses());
        assertFalse(account.knows("192.0.2.2"));
        account.recordSuccessfulSignIn("192.0.2.3", NOW.plus(Duration.ofHours(8)));
        account.recordSuccessfulSignIn("192.0.2.8", NOW.plus(Duration.ofHours(9)));
        assertEquals(java.util.List.of("192.0.2.8", "192.0.2.3", "192.0.2.7", "192.0.2.6", "192.0.2.5"),
                account.getKnownAddresses(), "a sign-in from a known address makes it recent again");
    }

    @Test
    void cityWide_refusesARoleOfAnotherScopeKind() {
        ValidationException e = refused(() -> Account.cityWide("social", "h", "社工", Role.SOCIAL_WORKER, NOW));
        assertEquals("role", e.errors().get(0).field());
        assertEquals("account.role.scopeMismatch", e.errors().get(0).key());
        assertEquals(java.util.List.of("SOCIAL_WORKER", "CITY"), e.errors().get(0).args());
    }

    @Test
    void everyFactory_refusesEveryRoleOfAnotherScopeKind() {
        for (Role role : Role.values()) {
            if (role.scopeKind() != ScopeKind.CITY) {
                assertEquals("account.role.scopeMismatch", refused(
                        () -> Account.cityWide("user", "h", "U", role, NOW)).errors().get(0).key(), role.name());
            }
            if (role.scopeKind() != ScopeKind.SUB_DISTRICTS) {
                assertEquals("account.role.scopeMismatch", refused(() -> Account.overSubDistricts("user", "h", "U",
                        role, Set.of(east), NOW)).errors().get(0).key(), role.name());
            }
            if (role.scopeKind() != ScopeKind.COMMUNITY) {
                assertEquals("account.role.scopeMismatch", refused(() -> Account.inCommunity("user", "h", "U",
                        role, taoyuan, NOW)).errors().get(0).key(), role.name());
            }
            if (role.scopeKind() != ScopeKind.GRID_CELLS) {
                assertEquals("account.role.scopeMismatch", refused(() -> Account.overGridCells("user", "h", "U",
                        role, Set.of(taoyuanOne), NOW)).errors().get(0).key(), role.name());
            }
        }
    }

    @Test
    void factories_acceptRolesOfTheirScopeKind() {
        assertEquals(Role.IT_OPERATOR, Account.cityWide("ops", "h", "运维", Role.IT_OPERATOR, NOW).getRole());
        assertEquals(Set.of(east), Account.overSubDistricts("officer", "h", "街道干部", Role.SUB_DISTRICT_OFFICER,
                Set.of(east), NOW).getSubDistricts());
        assertSame(taoyuan, Account.inCommunity("secretary", "h", "书记", Role.PARTY_SECRETARY, taoyuan, NOW)
                .getCommunity());
        Account resident = Account.forResident("resident1", "h", "居民", taoyuan, 42L, NOW);
        assertEquals(Role.RESIDENT, resident.getRole());
        assertEquals(42L, resident.getResidentId());
    }

    @Test
    void gridWorker_cellsOfOneCommunity_giveThatCommunity() {
        Account a = Account.overGridCells("grid", "h", "网格员", Role.GRID_WORKER, Set.of(taoyuanOne, taoyuanTwo), NOW);
        assertSame(taoyuan, a.getCommunity());
        assertEquals(Set.of(taoyuanOne, taoyuanTwo), a.getGridCells());
    }

    @Test
    void gridWorker_refusesCellsOfTwoCommunities() {
        ValidationException e = refused(() -> Account.overGridCells("grid", "h", "网格员", Role.GRID_WORKER,
                Set.of(taoyuanOne, hubin), NOW));
        assertEquals("gridCodes", e.errors().get(0).field(), "the field of the administration's form");
        assertEquals("account.scope.gridsOfOneCommunity", e.errors().get(0).key());
    }

    @Test
    void emptyScopes_areRefused() {
        assertEquals("account.scope.empty", refused(() -> Account.overGridCells("grid", "h", "网格员",
                Role.GRID_WORKER, Set.of(), NOW)).errors().get(0).key());
        assertEquals("account.scope.empty", refused(() -> Account.overSubDistricts("officer", "h", "街道干部",
                Role.SUB_DISTRICT_OFFICER, Set.of(), NOW)).errors().get(0).key());
    }

    @Test
    void username_mustBeThreeToFiftyLowerCaseCharactersStartingWithALetter() {
        for (String good : new String[]{"abc", "wang.xiuying", "grid_01", "a-b", "a" + "b".repeat(49)}) {
            assertEquals(good, Account.cityWide(good, "h", "U", Role.SYSTEM_ADMIN, NOW).getUsername());
        }
        for (String bad : new String[]{null, "", "ab", "Admin", "1admin", "_admin", "ad min", "admin!", "王秀英",
                "a" + "b".repeat(50)}) {
            ValidationException e = refused(() -> Account.cityWide(bad, "h", "U", Role.SYSTEM_ADMIN, NOW));
            assertEquals("username", e.errors().get(0).field(), bad);
            assertEquals("account.username.format", e.errors().get(0).key(), bad);
        }
    }

    @Test
    void displayName_isRequiredAndTrimmed() {
        assertEquals("account.displayName.required",
                refused(() -> Account.cityWide("admin", "h", " ", Role.SYSTEM_ADMIN, NOW)).errors().get(0).key());
        assertEquals("管理员", Account.cityWide("admin", "h", " 管理员 ", Role.SYSTEM_ADMIN, NOW).getDisplayName());
    }
}
