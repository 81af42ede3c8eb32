package org.wushe.it.support;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wushe.platform.DemoCityLoader;
import org.wushe.platform.DemoPolicy;

/**
 * Asks the demo guard about a changed database without changing it: applies the statements, asks
 * {@link DemoCityLoader#verdict()} in the same transaction, and rolls the transaction back.
 */
@Stateless
public class InstallationProbe {

    @PersistenceContext
    EntityManager em;

    @EJB
    DemoCityLoader loader;

    @Resource
    SessionContext context;

    public DemoPolicy.Verdict verdictAfter(String... statements) {
        for (String sql : statements) {
            em.createNativeQuery(sql).executeUpdate();
        }
        em.flush();
        try {
            return loader.verdict();
        } finally {
            context.setRollbackOnly();
        }
    }

    /** The installation kind recorded in the database, or null. */
    public String recordedKind() {
        var kinds = em.createNativeQuery("SELECT kind FROM installation WHERE id = 1").getResultList();
        return kinds.isEmpty() ? null : String.valueOf(kinds.get(0)).trim();
    }
}
