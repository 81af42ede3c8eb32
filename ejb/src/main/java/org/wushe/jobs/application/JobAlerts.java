package org.wushe.jobs.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import org.wushe.notification.application.Notifications;
import org.wushe.notification.domain.NotificationKind;
import org.wushe.security.domain.Role;

/**
 * Tells the operators that a job did not end well: when an execution ends FAILED or STOPPED, every
 * enabled IT operator account gets a {@link NotificationKind#JOB_FAILED} notification that links to
 * the execution on the operator console. Written in a transaction of its own, which commits whatever
 * became of the job's own work. Internal: called by the batch module's job listener.
 */
@Stateless
public class JobAlerts {

    /** The ends that notify the operators. */
    public static final Set<String> ALERTING = Set.of("FAILED", "STOPPED");

    @PersistenceContext
    EntityManager em;

    @EJB
    Notifications notifications;

    /**
     * Notifies the operators of an execution that ended with {@code status}; nothing for another end.
     *
     * @return how many operators were notified
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int ended(long executionId, String job, String status) {
        if (!ALERTING.contains(status)) {
            return 0;
        }
        List<Long> operators = em.createQuery("select a.id from Account a where a.role = :role and a.enabled = true"
                + " order by a.id", Long.class).setParameter("role", Role.IT_OPERATOR).getResultList();
        for (Long operator : operators) {
            notifications.notify(operator, null, NotificationKind.JOB_FAILED, "jobExecution", executionId,
                    link(executionId), job, executionId, status);
        }
        return operators.size();
    }

    /** The execution on the operator console. */
    public static String link(long executionId) {
        return "/operator/jobs.xhtml?execution=" + executionId;
    }
}
