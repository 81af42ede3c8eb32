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

    /** The database product of the application's persistence unit, e.g. "Apache Derby". */
    public String databaseProduct() {
        try {
            return em.unwrap(java.sql.Connection.class).getMetaData().getDatabaseProductName();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The status the batch runtime's job repository holds for an execution, read through the
     * application's own database (Derby installations keep the repository there), or null.
     */
    public String repositoryStatus(long executionId) {
        var rows = em.createNativeQuery("SELECT batchstatus FROM executioninstancedata WHERE jobexecid = ?1")
                .setParameter(1, executionId).getResultList();
        return rows.isEmpty() ? null : String.valueOf(rows.get(0)).trim();
    }

    /** Puts the nightly lease back as a test found it (night and holder may be null). */
    public void resetNightlyLease(java.time.LocalDate night, String holder) {
        em.createNativeQuery("UPDATE node_lease SET night = ?1, holder = ?2 WHERE name = 'nightly'")
                .setParameter(1, night == null ? null : java.sql.Date.valueOf(night)).setParameter(2, holder).executeUpdate();
    }
}
