package org.wushe.points.domain;

import java.time.LocalDate;

/**
 * One ledger transaction to write: {@code points} from the community's pool to the resident's
 * account (or back, when negative: a reversal), expiring on {@code expiresOn} when earned.
 */
public record Booking(SourceType type, long sourceId, long communityId, long residentId, AccountKind account,
                      long points, LocalDate expiresOn, String memo) {

    /** The owner key of the pool that pays (see {@link PointAccount#ownerKey}). */
    public String poolKey() {
        return PointAccount.ownerKey(AccountKind.REWARD_POOL, communityId, null);
    }

    /** The owner key of the resident's account that earns. */
    public String earnerKey() {
        return PointAccount.ownerKey(account, communityId, residentId);
    }
}
