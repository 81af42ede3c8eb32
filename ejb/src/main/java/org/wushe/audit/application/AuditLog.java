package org.wushe.audit.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.wushe.audit.chain.AuditChainWriter;
import org.wushe.audit.chain.ChainRow;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.audit.domain.AuditOutcome;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;

/**
 * Writes and reads the audit log. Entries are written in the caller's transaction, so a reveal or
 * an export that could not be logged does not happen either; they are written when it commits, as
 * links of the hash chain ({@link AuditChainWriter}), and so are not seen by a search in the same
 * transaction. There is no update and no delete.
 */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Clock clock;

    @Inject
    AuditChainWriter chain;

    /** Records an action of the signed-in caller on one record (or a list, with {@code recordId} null). */
    public void record(Caller caller, AuditAction action, Long communityId, String recordType, Long recordId,
                       String fields, String purpose, String detail) {
        append(caller.username(), caller.role().name(), action, AuditOutcome.DONE, communityId, recordType, recordId,
                fields, purpose, clientAddress.current(), detail);
    }

    /**
     * Records that a service refused the caller an action, in a transaction of its own: the refused
     * action's transaction rolls back, the record of the refusal stays.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refused(Caller caller, AuditAction action, Long communityId, String recordType, Long recordId,
                        String detail) {
        append(caller.username(), caller.role().name(), action, AuditOutcome.REFUSED, communityId, recordType, recordId,
                null, null, clientAddress.current(), detail);
    }

    /**
     * Records that a service refused the current caller for want of a right or of scope
     * ({@link AuditAction#ACCESS_REFUSED}), in a transaction of its own; the caller, their role and
     * community and the client address are read here (actor {@code -} when nobody is signed in).
     * Called by {@link RefusalAudit}, the interceptor of every session bean.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refusedByService(String recordType, Long recordId, String detail) {
        Caller caller;
        try {
            caller = currentCaller.get();
        } catch (RuntimeException nobody) {
            caller = null;
        }
        append(caller == null ? "-" : caller.username(), caller == null ? null : caller.role().name(),
                AuditAction.ACCESS_REFUSED, AuditOutcome.REFUSED, caller == null ? null : caller.communityId(),
                recordType, recordId, null, null, clientAddress.current(), detail);
    }

    /**
     * Records a refused event without a signed-in caller (a failed sign-in), in a transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refusedSystem(String actor, AuditAction action, String recordType, Long recordId, String address,
                              String detail) {
        append(actor, null, action, AuditOutcome.REFUSED, null, recordType, recordId, null, null, address, detail);
    }

    /** Records an event that happened without a signed-in caller (e.g. a lockout at sign-in). */
    public void recordSystem(String actor, AuditAction action, String recordType, Long recordId, String detail) {
        recordSystem(actor, action, recordType, recordId, clientAddress.current(), detail);
    }

    /**
     * Records an event without a signed-in caller from a client address the caller determined (the
     * address of a sign-in attempt, which a service may be told rather than read from the request).
     */
    public void recordSystem(String actor, AuditAction action, String recordType, Long recordId, String address,
                             String detail) {
        append(actor, null, action, AuditOutcome.DONE, null, recordType, recordId, null, null, address, detail);
    }

    /**
     * Hands the entry to the chain, which writes it when the transaction commits (entries of a
     * transaction that rolls back are never written). The time is kept to the millisecond, which
     * every database stores exactly, and each text to its column's length.
     */
    private void append(String actor, String role, AuditAction action, AuditOutcome outcome, Long communityId,
                        String recordType, Long recordId, String fields, String purpose, String address, String detail) {
        chain.append(new ChainRow(0, 0, clock.instant().truncatedTo(ChronoUnit.MILLIS), cut(actor, 50), role,
                action.name(), outcome.name(), communityId, cut(recordType, 30), recordId, cut(fields, 200),
                cut(purpose, 500), cut(address, 64), cut(detail, 1000), null, null));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Lists entries, newest first. Only for roles with {@link Right#VIEW_AUDIT_LOG} (the audit
     * administrator).
     */
    public Page<AuditEntry> search(AuditQuery q, PageRequest page) {
        currentCaller.get().require(Right.VIEW_AUDIT_LOG);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.actor() != null && !q.actor().isBlank()) {
            where.append(" and e.actor = :actor");
            params.put("actor", q.actor().trim());
        }
        if (q.action() != null) {
            where.append(" and e.action = :action");
            params.put("action", q.action());
        }
        if (q.outcome() != null) {
            where.append(" and e.outcome = :outcome");
            params.put("outcome", q.outcome());
        }
        if (q.recordType() != null && !q.recordType().isBlank()) {
            where.append(" and e.recordType = :recordType");
            params.put("recordType", q.recordType());
        }
        if (q.recordId() != null) {
            where.append(" and e.recordId = :recordId");
            params.put("recordId", q.recordId());
        }
        ZoneId zone = clock.getZone();
        if (q.from() != null) {
            where.append(" and e.occurredAt >= :from");
            params.put("from", q.from().atStartOfDay(zone).toInstant());
        }
        if (q.to() != null) {
            where.append(" and e.occurredAt < :to");
            params.put("to", q.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        TypedQuery<AuditEntry> list = em.createQuery(
                "select e from AuditEntry e" + where + " order by e.occurredAt desc, e.id desc", AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
        params.forEach((k, v) -> {
            list.setParameter(k, v);
            count.setParameter(k, v);
        });
        list.setFirstResult(page.first()).setMaxResults(page.size());
        return new Page<>(list.getResultList(), count.getSingleResult(), page.first(), page.size());
    }
}
