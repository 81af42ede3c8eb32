package org.wushe.docking.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.docking.domain.NeedCategory;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;

/** The bureau's list of need categories: read by every needs screen, changed by the bureau. */
@Stateless
public class NeedCategories {

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @EJB
    AuditLog audit;

    /** The bureau's need categories in their order; inactive ones only when asked for. */
    public List<NeedCategory> categories(boolean includeInactive) {
        return em.createQuery("select c from NeedCategory c " + (includeInactive ? "" : "where c.active = true ")
                + "order by c.sortOrder, c.code", NeedCategory.class).getResultList();
    }

    /** Adds or changes a category of the bureau's list ({@link Right#CONFIGURE_NEED_CATEGORIES}). */
    public NeedCategory saveCategory(String code, String nameZh, String nameEn, int sortOrder, boolean active) {
        Caller caller = access.caller(Right.CONFIGURE_NEED_CATEGORIES);
        ValidationException.Collector errors = new ValidationException.Collector();
        String c = DockingAccess.text("code", code, 30, true, errors);
        if (c != null && !c.toUpperCase().matches("[A-Z][A-Z0-9_]{1,29}")) {
            errors.add("code", "category.code.invalid");
        }
        String zh = DockingAccess.text("nameZh", nameZh, 50, true, errors);
        String en = DockingAccess.text("nameEn", nameEn, 50, true, errors);
        errors.throwIfAny();
        NeedCategory existing = em.find(NeedCategory.class, c.toUpperCase());
        if (existing == null) {
            existing = new NeedCategory(c.toUpperCase(), zh, en, sortOrder);
            existing.update(zh, en, sortOrder, active);
            em.persist(existing);
        } else {
            existing.update(zh, en, sortOrder, active);
        }
        em.flush();
        audit.record(caller, AuditAction.SETTING_CHANGED, null, "need_category", null, null, null,
                "need category " + existing.getCode() + ": " + zh + " / " + en + ", order " + sortOrder
                        + (active ? ", active" : ", inactive"));
        return existing;
    }
}
