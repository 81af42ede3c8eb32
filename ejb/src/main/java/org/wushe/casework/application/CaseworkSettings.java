package org.wushe.casework.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.casework.domain.CaseworkSetting;
import org.wushe.casework.domain.JointDepartment;
import org.wushe.community.domain.Community;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.ScopeKind;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The casework rules a bureau or a community sets: referral deadlines per risk level and the period
 * after which an open case is stubborn (a city row, overridden per community), and the departments a
 * joint meeting may invite.
 */
@Stateless
public class CaseworkSettings {

    @PersistenceContext
    EntityManager em;

    @Inject
    CaseworkAccess access;

    @Inject
    Clock clock;

    @EJB
    AuditLog audit;

    /** The deadlines and period in force in a community: its own row, else the city's. */
    public CaseworkSetting effective(Long communityId) {
        return em.createQuery("select s from CaseworkSetting s where s.communityId = :c", CaseworkSetting.class)
                .setParameter("c", communityId).getResultStream().findFirst()
                .orElseGet(this::city);
    }

    /** The rules in force, as shown and changed on the screens and the API. */
    public record SettingView(String communityCode, boolean own, int highRiskHours, int mediumRiskHours,
                              int lowRiskHours, int stubbornAfterDays, String updatedBy) {
    }

    /**
     * The rules in force in a community (blank: the city's) for roles with
     * {@link Right#VIEW_CASEWORK_FIGURES} or {@link Right#CONFIGURE_CASEWORK} over it.
     */
    public SettingView view(String communityCode) {
        Caller caller = access.caller();
        if (!caller.has(Right.CONFIGURE_CASEWORK)) {
            caller.require(Right.VIEW_CASEWORK_FIGURES);
        }
        if (communityCode == null || communityCode.isBlank()) {
            return view(null, city());
        }
        Community c = access.community(caller, communityCode);
        return view(c.getCode(), effective(c.getId()));
    }

    private static SettingView view(String code, CaseworkSetting s) {
        return new SettingView(code, s.getCommunityId() != null, s.getHighRiskHours(), s.getMediumRiskHours(),
                s.getLowRiskHours(), s.getStubbornAfterDays(), s.getUpdatedBy());
    }

    /** The city's row. */
    public CaseworkSetting city() {
        return em.createQuery("select s from CaseworkSetting s where s.communityId is null", CaseworkSetting.class)
                .getResultStream().findFirst().orElseThrow();
    }

    /** The rows that override the city's, for the nightly detection of stubborn cases. */
    public List<CaseworkSetting> overrides() {
        return em.createQuery("select s from CaseworkSetting s where s.communityId is not null order by s.communityId",
                CaseworkSetting.class).getResultList();
    }

    /**
     * Sets the deadlines (hours, 1–720) and the stubborn period (days, 1–3650) of a community, or of
     * the city when {@code communityCode} is blank. Needs {@link Right#CONFIGURE_CASEWORK}; the city's
     * row only for city-wide roles; a community in the caller's scope.
     */
    public CaseworkSetting save(String communityCode, Integer highHours, Integer mediumHours, Integer lowHours,
                                Integer stubbornDays) {
        Caller caller = access.caller(Right.CONFIGURE_CASEWORK);
        Community community = null;
        if (communityCode == null || communityCode.isBlank()) {
            if (caller.scopeKind() != ScopeKind.CITY) {
                throw new NotPermittedException("casework.settings.cityOnly", "City defaults are the bureau's");
            }
        } else {
            community = access.community(caller, communityCode);
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        range("highRiskHours", highHours, 1, 720, errors);
        range("mediumRiskHours", mediumHours, 1, 720, errors);
        range("lowRiskHours", lowHours, 1, 720, errors);
        range("stubbornAfterDays", stubbornDays, 1, 3650, errors);
        errors.throwIfAny();
        CaseworkSetting s;
        if (community == null) {
            s = city();
        } else {
            Long id = community.getId();
            s = em.createQuery("select s from CaseworkSetting s where s.communityId = :c", CaseworkSetting.class)
                    .setParameter("c", id).getResultStream().findFirst().orElse(null);
            if (s == null) {
                s = new CaseworkSetting(id);
                em.persist(s);
            }
        }
        s.update(highHours, mediumHours, lowHours, stubbornDays, caller.username(), clock.instant());
        em.flush();
        Long communityId = community == null ? null : community.getId();
        audit.record(caller, AuditAction.SETTING_CHANGED, communityId, "casework_setting", communityId, null, null,
                "casework deadlines of " + (community == null ? "the city" : community.getCode()) + ": high "
                        + highHours + " h, medium " + mediumHours + " h, low " + lowHours + " h, stubborn after "
                        + stubbornDays + " days");
        return s;
    }

    private static void range(String field, Integer v, int min, int max, ValidationException.Collector errors) {
        if (v == null) {
            errors.add(field, "error.required");
        } else if (v < min || v > max) {
            errors.add(field, "casework.range", min, max);
        }
    }

    /** The departments a meeting may invite, in their order (inactive ones only when asked for). */
    public List<JointDepartment> departments(boolean includeInactive) {
        return em.createQuery("select d from JointDepartment d " + (includeInactive ? "" : "where d.active = true ")
                + "order by d.sortOrder, d.code", JointDepartment.class).getResultList();
    }

    /** Adds or changes a department of the city's list (city-wide roles with {@link Right#CONFIGURE_CASEWORK}). */
    public JointDepartment saveDepartment(String code, String nameZh, String nameEn, int sortOrder, boolean active) {
        Caller caller = access.caller(Right.CONFIGURE_CASEWORK);
        if (caller.scopeKind() != ScopeKind.CITY) {
            throw new NotPermittedException("casework.settings.cityOnly", "Departments are the bureau's");
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        String c = errors.text("code", code, 30, true);
        if (c != null && !c.toUpperCase().matches("[A-Z][A-Z0-9_]{1,29}")) {
            errors.add("code", "meeting.department.code");
        }
        String zh = errors.text("nameZh", nameZh, 50, true);
        String en = errors.text("nameEn", nameEn, 50, true);
        errors.throwIfAny();
        JointDepartment d = em.find(JointDepartment.class, c.toUpperCase());
        if (d == null) {
            d = new JointDepartment(c.toUpperCase());
            d.update(zh, en, sortOrder, active);
            em.persist(d);
        } else {
            d.update(zh, en, sortOrder, active);
        }
        em.flush();
        audit.record(caller, AuditAction.SETTING_CHANGED, null, "joint_department", null, null, null,
                "joint-meeting department " + c.toUpperCase() + ": " + zh + " / " + en + ", order " + sortOrder
                        + (active ? ", active" : ", inactive"));
        return d;
    }
}
