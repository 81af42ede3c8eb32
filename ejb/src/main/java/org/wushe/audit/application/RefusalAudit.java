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
 * throws it ({@code Caller.require…}, a scope check, a rule naming who may act, in the service or a
 * helper bean it calls) and recorded once, by the outermost bean call of the thread: the service the
 * screen, the API or the job called. The entry names that bean and method as the record type and
 * detail, its first whole-number argument as the record, and the refusal's message key and arguments.
 */
public class RefusalAudit {

    private static final Logger LOG = Logger.getLogger(RefusalAudit.class.getName());

    /** How deep in session-bean calls this thread is: the outermost call records the refusal. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    @EJB
    AuditLog audit;

    @AroundInvoke
    public Object recordRefusal(InvocationContext ctx) throws Exception {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return ctx.proceed();
        } catch (NotPermittedException | NotInScopeException e) {
            if (depth[0] == 1) {
                record(ctx, e);
            }
            throw e;
        } finally {
            depth[0]--;
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
