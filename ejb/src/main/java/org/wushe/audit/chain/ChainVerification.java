package org.wushe.audit.chain;

/**
 * The answer of a verification: intact from {@code firstSeq} up to {@code lastGoodSeq}, or the
 * first broken link ({@code brokenSeq}, and the entry's id when there is such an entry).
 */
public record ChainVerification(boolean intact, Problem problem, long checked, long firstSeq, long lastGoodSeq,
                                Long brokenSeq, Long brokenEntryId) {

    /** What breaks the chain at {@code brokenSeq}. */
    public enum Problem {
        /** The entry's fields no longer give its hash: it was altered. */
        ALTERED,
        /** The entry at this place is gone: deleted (or, at the end, the head names more entries than there are). */
        MISSING,
        /** An entry that the chain does not hold: added afterwards, out of place or beyond the head. */
        INSERTED,
        /** The entry does not follow the one before it: that one was replaced, or this one forged. */
        LINK
    }
}
