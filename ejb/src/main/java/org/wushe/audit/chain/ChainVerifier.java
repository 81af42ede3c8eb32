package org.wushe.audit.chain;

/**
 * Walks a chain entry by entry, in the order of their places, and stops at the first broken link.
 * It keeps nothing but the last place and hash, so any number of entries can pass through it.
 *
 * <p>Usage: {@code v = new ChainVerifier(firstSeq, firstPrevHash); for each row: if (!v.accept(row)) break;
 * ChainVerification r = v.finish(headSeq, headHash);}
 */
public final class ChainVerifier {

    private final long firstSeq;
    private long expectedSeq;
    private String expectedPrev;
    private long checked;
    private long lastId = -1;
    private ChainVerification broken;

    /** A verifier for a chain whose first entry has the place and records the previous hash given. */
    public ChainVerifier(long firstSeq, String firstPrevHash) {
        this.firstSeq = firstSeq;
        this.expectedSeq = firstSeq;
        this.expectedPrev = firstPrevHash;
    }

    /** Checks the next row; false once the chain is broken (the rest need not be read). */
    public boolean accept(ChainRow row) {
        if (broken != null) {
            return false;
        }
        if (row.seq() > expectedSeq) {
            broken = fail(ChainVerification.Problem.MISSING, expectedSeq, row.id());
        } else if (row.seq() < expectedSeq) {
            broken = fail(ChainVerification.Problem.INSERTED, row.seq(), row.id());
        } else if (!row.computedHash().equals(row.entryHash())) {
            broken = fail(ChainVerification.Problem.ALTERED, row.seq(), row.id());
        } else if (!expectedPrev.equals(row.prevHash())) {
            broken = fail(ChainVerification.Problem.LINK, row.seq(), row.id());
        } else {
            checked++;
            expectedSeq++;
            expectedPrev = row.entryHash();
            lastId = row.id();
            return true;
        }
        return false;
    }

    /**
     * The answer once every row up to the head was given: intact when the last entry seen is the
     * head the log recorded, else entries at the end are missing (or some were added after it).
     */
    public ChainVerification finish(long headSeq, String headHash) {
        if (broken != null) {
            return broken;
        }
        long last = expectedSeq - 1;
        if (last < headSeq) {
            return fail(ChainVerification.Problem.MISSING, expectedSeq, null);
        }
        if (last > headSeq) {
            return fail(ChainVerification.Problem.INSERTED, last, lastId < 0 ? null : lastId);
        }
        if (!expectedPrev.equals(headHash)) {
            return fail(ChainVerification.Problem.LINK, last, lastId < 0 ? null : lastId);
        }
        return new ChainVerification(true, null, checked, firstSeq, last, null, null);
    }

    private ChainVerification fail(ChainVerification.Problem problem, long seq, Long id) {
        return new ChainVerification(false, problem, checked, firstSeq, expectedSeq - 1, seq, id);
    }
}
