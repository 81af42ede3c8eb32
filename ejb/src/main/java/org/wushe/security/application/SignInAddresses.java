package org.wushe.security.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.security.domain.AddressThrottle;
import org.wushe.security.domain.SignInAddress;

/**
 * The failure counts of client addresses at sign-in ({@link SignInAddress}), for
 * {@link SignInService} only. A failure is counted in a transaction of its own, so two nodes
 * counting the first failure of one address at once cost a retry, not a sign-in.
 */
@Stateless
public class SignInAddresses {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    /** Whether attempts from {@code address} are refused at {@code now}. */
    public boolean isThrottled(String address, Instant now) {
        SignInAddress a = em.find(SignInAddress.class, address);
        return a != null && a.isThrottledAt(now);
    }

    /**
     * Counts one refused attempt from {@code address}; when it throttles the address, writes an
     * {@link AuditAction#ADDRESS_THROTTLED} entry in the same transaction.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String address, Instant now, AddressThrottle throttle) {
        if (throttle.isOff()) {
            return;
        }
        SignInAddress a = em.find(SignInAddress.class, address, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            a = new SignInAddress(address, now);
            em.persist(a);
        }
        if (a.recordFailure(now, throttle)) {
            audit.recordSystem("-", AuditAction.ADDRESS_THROTTLED, "ADDRESS", null, address,
                    address + ": " + a.getFailures() + " failed sign-ins since " + a.getWindowStart()
                            + ", attempts refused until " + a.getThrottledUntil());
        }
    }
}
