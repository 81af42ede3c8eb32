package org.wushe.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    /** A chain of n entries, places from 1, ids 100 + place. */
    private static List<ChainRow> chain(int n) {
        List<ChainRow> rows = new ArrayList<>();
        String prev = ChainRow.GENESIS;
        for (int i = 1; i <= n; i++) {
            ChainRow r = new ChainRow(i, 100 + i, Instant.ofEpochMilli(1_700_000_000_000L + i), "user" + i, "SOCIAL_WORKER",
                    "REVEAL", "DONE", 7L, "RESIDENT", (long) i, "phone", "visit", "10.0.0.1", "detail " + i, prev, null)
                    .sealed();
            rows.add(r);
            prev = r.entryHash();
        }
        return rows;
    }

    private static ChainVerification verify(List<ChainRow> rows, long headSeq, String headHash) {
        ChainVerifier v = new ChainVerifier(1, ChainRow.GENESIS);
        for (ChainRow r : rows) {
            if (!v.accept(r)) {
                break;
            }
        }
        return v.finish(headSeq, headHash);
    }

    private static ChainRow withDetail(ChainRow r, String detail) {
        return new ChainRow(r.seq(), r.id(), r.occurredAt(), r.actor(), r.actorRole(), r.action(), r.outcome(),
                r.communityId(), r.recordType(), r.recordId(), r.fields(), r.purpose(), r.clientAddress(), detail,
                r.prevHash(), r.entryHash());
    }

    @Test
    void anUntouchedChain_isIntactUpToItsHead() {
        List<ChainRow> rows = chain(5);
        ChainVerification r = verify(rows, 5, rows.get(4).entryHash());
        assertTrue(r.intact());
        assertEquals(5, r.lastGoodSeq());
        assertEquals(5, r.checked());
    }

    @Test
    void anAlteredEntry_isFoundAtItsPlace() {
        List<ChainRow> rows = chain(5);
        rows.set(2, withDetail(rows.get(2), "detail 3 changed"));
        ChainVerification r = verify(rows, 5, rows.get(4).entryHash());
        assertFalse(r.intact());
        assertEquals(ChainVerification.Problem.ALTERED, r.problem());
        assertEquals(3L, r.brokenSeq());
        assertEquals(103L, r.brokenEntryId());
        assertEquals(2, r.lastGoodSeq());
    }

    @Test
    void aDeletedEntry_isFoundAtItsPlace_andAtTheEndAgainstTheHead() {
        List<ChainRow> rows = chain(5);
        rows.remove(3);
        ChainVerification r = verify(rows, 5, rows.get(3).entryHash());
        assertEquals(ChainVerification.Problem.MISSING, r.problem());
        assertEquals(4L, r.brokenSeq());
        List<ChainRow> tail = chain(5).subList(0, 4);
        ChainVerification cut = verify(tail, 5, chain(5).get(4).entryHash());
        assertEquals(ChainVerification.Problem.MISSING, cut.problem());
        assertEquals(5L, cut.brokenSeq());
    }

    @Test
    void anEntryReplacedWithItsHashRecomputed_breaksTheNextLink() {
        List<ChainRow> rows = chain(5);
        rows.set(1, withDetail(rows.get(1), "forged").sealed());
        ChainVerification r = verify(rows, 5, rows.get(4).entryHash());
        assertEquals(ChainVerification.Problem.LINK, r.problem());
        assertEquals(3L, r.brokenSeq());
    }

    @Test
    void anEntryInsertedOutOfPlace_isFound() {
        List<ChainRow> rows = chain(5);
        rows.add(3, rows.get(1));
        ChainVerification r = verify(rows, 5, rows.get(5).entryHash());
        assertEquals(ChainVerification.Problem.INSERTED, r.problem());
        assertEquals(2L, r.brokenSeq());
    }

    @Test
    void theCanonicalForm_keepsFieldsApart_andNullsApartFromEmptyText() {
        ChainRow a = chain(1).get(0);
        ChainRow b = new ChainRow(a.seq(), a.id(), a.occurredAt(), a.actor() + "|x", a.actorRole(), a.action(),
                a.outcome(), a.communityId(), a.recordType(), a.recordId(), a.fields(), a.purpose(), a.clientAddress(),
                a.detail(), a.prevHash(), null);
        assertNotEquals(a.computedHash(), b.computedHash());
        ChainRow empty = withDetail(a, "");
        ChainRow none = withDetail(a, null);
        assertNotEquals(empty.computedHash(), none.computedHash());
        assertEquals(64, a.entryHash().length());
    }

    @Test
    void aChainCutByTheRetention_startsAtItsAnchor() {
        List<ChainRow> rows = chain(6).subList(3, 6);
        ChainVerifier v = new ChainVerifier(4, rows.get(0).prevHash());
        rows.forEach(v::accept);
        ChainVerification r = v.finish(6, rows.get(2).entryHash());
        assertTrue(r.intact());
        assertEquals(4, r.firstSeq());
        assertEquals(3, r.checked());
    }
}
