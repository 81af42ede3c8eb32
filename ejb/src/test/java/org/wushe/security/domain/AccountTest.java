package org.wushe.security.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;
import org.wushe.shared.ValidationException;

class AccountTest {

    private final Instant now = Instant.parse("2026-11-25T02:00:00Z");
    private final Account account = Account.cityWide("admin", "hash", "管理员", Role.BUREAU_ADMIN, now);

    @Test
    void fourFailures_doNotLock_theFifthLocksForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            assertFalse(account.recordFailedSignIn(now));
        }
        assertFalse(account.isLockedAt(now));
        assertTrue(account.recordFailedSignIn(now));
        assertTrue(account.isLockedAt(now.plus(Duration.ofMinutes(14))));
        assertFalse(account.isLockedAt(now.plus(Duration.ofMinutes(15))));
    }

    @Test
    void afterTheLockEnds_countingStartsAgain() {
        for (int i = 0; i < 5; i++) {
            account.recordFailedSignIn(now);
        }
        Instant later = now.plus(Duration.ofMinutes(16));
        assertFalse(account.recordFailedSignIn(later));
        assertEquals(1, account.getFailedSignIns());
        assertFalse(account.isLockedAt(later));
    }

    @Test
    void successfulSignIn_clearsTheCount() {
        account.recordFailedSignIn(now);
        account.recordFailedSignIn(now);
        account.recordSuccessfulSignIn();
        assertEquals(0, account.getFailedSignIns());
    }

    @Test
    void roleAndScopeKind_mustFit() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Account.cityWide("social", "h", "社工", Role.SOCIAL_WORKER, now));
        assertEquals("account.role.scopeMismatch", e.errors().get(0).key());
    }

    @Test
    void gridWorker_cellsMustBelongToOneCommunity() {
        SubDistrict sd = new SubDistrict("SD01", "东湖街道");
        Community a = new Community("C001", "桃园", sd);
        Community b = new Community("C002", "水果湖", sd);
        setId(a, 1L);
        setId(b, 2L);
        Set<GridCell> cells = Set.of(new GridCell("C001-G01", "一", a), new GridCell("C002-G01", "一", b));
        ValidationException e = assertThrows(ValidationException.class,
                () -> Account.overGridCells("grid", "h", "网格员", Role.GRID_WORKER, cells, now));
        assertEquals("account.scope.gridsOfOneCommunity", e.errors().get(0).key());
    }

    @Test
    void username_mustBeLowerCaseWord() {
        assertEquals("account.username.format", assertThrows(ValidationException.class,
                () -> Account.cityWide("Admin!", "h", "管理员", Role.BUREAU_ADMIN, now)).errors().get(0).key());
    }

    static void setId(Object entity, Long id) {
        try {
            var f = entity.getClass().getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
