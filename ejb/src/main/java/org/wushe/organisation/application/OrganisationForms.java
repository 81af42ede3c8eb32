package org.wushe.organisation.application;

import jakarta.persistence.EntityManager;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Masking;
import org.wushe.community.domain.Resident;
import org.wushe.organisation.domain.CommunityOrganisation;
import org.wushe.shared.ValidationException;
import java.time.LocalDate;

/** The field checks and texts the organisation services share: days, amounts, choices, residents, names shown. */
final class OrganisationForms {

    private OrganisationForms() {
    }

    /** A resident of the community by id, or an error on the field. */
    static Resident resident(EntityManager em, String field, Long id, Community c, ValidationException.Collector errors) {
        if (id == null) {
            errors.add(field, "error.required");
            return null;
        }
        Resident r = em.find(Resident.class, id);
        if (r == null || !r.getCommunity().getId().equals(c.getId())) {
            errors.add(field, "organisation.resident.unknown", id);
            return null;
        }
        return r;
    }

    /** A day of the organisation's life: given, not in the future, not before its founding. */
    static void day(String field, LocalDate day, CommunityOrganisation o, LocalDate today,
                    ValidationException.Collector errors) {
        if (day == null) {
            errors.add(field, "error.required");
        } else if (day.isAfter(today)) {
            errors.add(field, "organisation.date.future");
        } else if (day.isBefore(o.getFoundedOn())) {
            errors.add(field, "organisation.date.beforeFounding", o.getFoundedOn());
        }
    }

    /** A name masked unless revealed. */
    static String shown(String name, boolean revealed) {
        return revealed ? name : Masking.name(name);
    }

    /** A satisfaction in tenths as text (43 → "4.3"), null when none. */
    static String tenths(Integer t) {
        return t == null ? null : t / 10 + "." + t % 10;
    }
}
