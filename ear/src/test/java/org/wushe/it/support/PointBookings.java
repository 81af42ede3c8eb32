package org.wushe.it.support;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.wushe.points.application.LedgerBatch;
import org.wushe.points.domain.Booking;

/** Books points for a fixture in a transaction of its own (the ledger writes only inside one). */
@Stateless
public class PointBookings {

    @EJB
    LedgerBatch ledger;

    @PersistenceContext
    EntityManager em;

    public long communityId(String code) {
        return em.createQuery("select c.id from Community c where c.code = :c", Long.class).setParameter("c", code)
                .getSingleResult();
    }

    public int book(List<Booking> bookings) {
        return ledger.book(bookings);
    }
}
