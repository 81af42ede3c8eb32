package org.wushe.audit.application;

import jakarta.ejb.EJB;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.WusheException;

/**
 * Every refusal of a service for want of a right or of scope becomes an audit entry
 * ({@link org.wushe.audit.domain.AuditAction#ACCESS_REFUSED}, outcome refused), in a transaction of its own, so it stays
 * when the refused action rolls back. A default interceptor of every session bean (the EJB modules'
 * {@code ejb-jar.xml}), so no service can forget it: the refusal is caught where the first bean
 * throws it ({@code Caller.require…}, a scope check, a rule naming who may act) and recorded once,
 * however many beans it passes on its way out. The entry names the bean and method as the record
 * type and detail, the first whole-number argument as the record, and the refusal's message key.
 */
public class RefusalAudit {

    private static final Logger LOG = Logger.getLogger(RefusalAudit.class.getName());

    /** The refusal last recorded on this thread, so the beans it passes through do not record it again. */
    private static final ThreadLocal<Throwable> RECORDED = new ThreadLocal<>();

    @EJB
    AuditLog audit;


    @AroundInvoke
    public Object recordRefusal(InvocationContext ctx) throws Exception {
        try {
            return ctx.proceed();
        } catch (NotPermittedException | NotInScopeException e) {
            if (RECORDED.get() != e) {
                RECORDED.set(e);
                record(ctx, e);
            }
            throw e;
        }
    }

    private void record(InvocationContext ctx, WusheException e) {
        String bean = ctx.getMethod().getDeclaringClass().getSimpleName();
        String detail = bean + "." + ctx.getMethod().getName() + ": " + e.key()
                + (e.args().isEmpty() ? "" : " " + e.args());
        try {
            audit.refusedByService(bean, firstId(ctx.getParameters()), detail);
        } catch (RuntimeException failed) {
            // The refusal itself stands; the server log keeps what the audit log could not.
            LOG.log(Level.SEVERE, "Could not audit the refusal " + detail, failed);
        }
    }

    private static Long firstId(Object[] parameters) {
        if (parameters != null) {
            for (Object p : parameters) {
                if (p instanceof Long id) {
                    return id;
                }
            }
        }
        return null;
    }
}
