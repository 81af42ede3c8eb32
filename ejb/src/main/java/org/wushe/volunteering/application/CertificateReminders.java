package org.wushe.volunteering.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.logging.Logger;
import org.wushe.notification.application.Broadcasts;
import org.wushe.notification.domain.Notification;
import org.wushe.notification.domain.NotificationKind;

/**
 * Reminds volunteers of their certifications expiring within {@link #DAYS} days, once per
 * certification, every morning. Every node runs the timer; a run first claims the due rows with its
 * own token by a conditional update (a row claimed by another node's run is not claimed again), then
 * notifies the holders of the rows it claimed, set-based, in the same transaction. A certification
 * renewed by a later one of the same code is not reminded of.
 */
@Stateless
public class CertificateReminders {

    /** How many days before its expiry a certification is reminded of. */
    public static final int DAYS = 30;

    private static final Logger LOG = Logger.getLogger(CertificateReminders.class.getName());

    /** Due: expiring from today within the window, not yet reminded, not renewed by a later one. */
    private static final String DUE = "c.expires_on >= ? and c.expires_on <= ? and not exists (select n.id from "
            + "certification n where n.resident_id = c.resident_id and n.certification_code = c.certification_code "
            + "and n.expires_on > c.expires_on)";

    @PersistenceContext
    EntityManager em;

    @Inject
    Broadcasts broadcasts;

    @Inject
    Clock clock;

    @Schedule(hour = "7", minute = "5", persistent = false, info = "certificate expiry reminders")
    public void daily() {
        int n = remind(LocalDate.now(clock));
        if (n > 0) {
            LOG.info(() -> "reminded " + n + " volunteers of certifications expiring within " + DAYS + " days");
        }
    }

    /**
     * Claims the certifications due on the given day and notifies their holders' accounts.
     *
     * @return how many notifications were written (a holder without an account gets none)
     */
    public int remind(LocalDate today) {
        String token = UUID.randomUUID().toString();
        Date from = Date.valueOf(today);
        Date to = Date.valueOf(today.plusDays(DAYS));
        int claimed = em.createNativeQuery("update certification c set expiry_reminder = ? where "
                        + "c.expiry_reminder is null and " + DUE)
                .setParameter(1, token).setParameter(2, from).setParameter(3, to).executeUpdate();
        if (claimed == 0) {
            return 0;
        }
        return broadcasts.notifyRows(NotificationKind.CERTIFICATE_EXPIRING, "certification",
                "select a.id recipient_id, r.community_id community_id, "
                        + "c.name || cast(? as varchar(1)) || cast(c.expires_on as char(10)) arguments, "
                        + "c.id record_id, cast(? as varchar(300)) link from certification c, resident r, account a "
                        + "where c.expiry_reminder = ? and r.id = c.resident_id and a.resident_id = r.id and a.enabled = ?",
                Notification.SEPARATOR, "/volunteering/my.xhtml", token, true);
    }
}
