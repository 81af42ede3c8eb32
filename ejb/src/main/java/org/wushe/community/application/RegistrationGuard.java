package org.wushe.community.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditOutcome;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.IdNumber;
import org.wushe.community.domain.Resident;
import org.wushe.security.domain.Caller;
import org.wushe.shared.Installation;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;
import org.wushe.shared.protect.Sealed;

/**
 * The city-wide uniqueness of the ID number without an oracle. The ID number is looked up by its
 * keyed hash. Taken by a resident the caller may see: the answer is the duplicate, as always. Taken
 * by a resident outside the caller's scope: the answer only says that the person cannot be registered
 * here and that a transfer goes through the bureau ({@code resident.idNumber.elsewhere}, nothing of
 * the other record), the refusal is audited ({@code REGISTRATION_REFUSED}, in its own transaction)
 * and counts towards a per-account throttle: after {@value #DEFAULT_LIMIT} refusals within an hour
 * ({@code wushe.registration.refusalLimit}) the account's registrations by ID number are refused until
 * the hour has passed ({@code resident.registration.throttled}), each refusal audited too.
 */
@Stateless
public class RegistrationGuard {

    static final int DEFAULT_LIMIT = 5;
    static final Duration WINDOW = Duration.ofHours(1);
    static final String RECORD_TYPE = "RESIDENT";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AuditLog audit;

    /**
     * Refuses a registration (or a change of the ID number) by a throttled account; then checks that
     * no other resident has the ID number ({@code self}: the resident being changed, or null).
     */
    public void requireUnique(Caller caller, IdNumber id, GridCell target, Long self) {
        long refusals = recentRefusals(caller);
        if (refusals >= limit()) {
            audit.refused(caller, AuditAction.REGISTRATION_REFUSED, target.getCommunity().getId(), RECORD_TYPE, self,
                    "throttled: " + refusals + " refused registrations by ID number within the hour");
            throw new NotPermittedException("resident.registration.throttled",
                    "Too many registrations refused within the hour");
        }
        List<Resident> taken = em.createQuery("select r from Resident r where r.idNumberHash = :h", Resident.class)
                .setParameter("h", Sealed.hash(id.value())).getResultList();
        for (Resident other : taken) {
            if (other.getId().equals(self)) {
                continue;
            }
            if (caller.covers(other.getGridCell())) {
                throw ValidationException.of("idNumber", "resident.idNumber.duplicate");
            }
            audit.refused(caller, AuditAction.REGISTRATION_REFUSED, target.getCommunity().getId(), RECORD_TYPE,
                    other.getId(), "ID number registered outside the caller's scope: transfer through the bureau");
            throw ValidationException.of("idNumber", "resident.idNumber.elsewhere");
        }
    }

    private long recentRefusals(Caller caller) {
        return em.createQuery("select count(e) from AuditEntry e where e.actor = :actor and e.action = :action"
                        + " and e.outcome = :refused and e.occurredAt >= :since", Long.class)
                .setParameter("actor", caller.username())
                .setParameter("action", AuditAction.REGISTRATION_REFUSED)
                .setParameter("refused", AuditOutcome.REFUSED)
                .setParameter("since", clock.instant().minus(WINDOW))
                .getSingleResult();
    }

    private static int limit() {
        String v = Installation.setting("wushe.registration.refusalLimit", String.valueOf(DEFAULT_LIMIT));
        try {
            return Math.max(1, Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }
}
