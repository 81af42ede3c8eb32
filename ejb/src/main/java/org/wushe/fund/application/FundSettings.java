package org.wushe.fund.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.fund.domain.CategoryKind;
import org.wushe.fund.domain.FundCategory;
import org.wushe.fund.domain.FundLimit;
import org.wushe.fund.domain.FundSetting;
import org.wushe.fund.domain.LimitBound;
import org.wushe.fund.domain.SpendingPolicy;
import org.wushe.fund.domain.Strictness;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.ValidationException;

/**
 * The bureau's settings of the fund: the spending categories, their yearly share limits and the
 * four-eyes threshold (the city default and communities' overrides). Reading is open to anyone
 * signed in; changing takes {@link Right#CONFIGURE_FUND}.
 */
@Stateless
public class FundSettings {

    @PersistenceContext
    EntityManager em;

    @Inject
    FundAccess access;

    @Inject
    FundInputs inputs;

    @Inject
    CategoryTotals totals;

    @EJB
    AuditLog audit;

    /** The spending categories in their order; inactive ones only when asked for. Anyone signed in. */
    public List<FundCategory> categories(boolean includeInactive) {
        return em.createQuery("select c from FundCategory c " + (includeInactive ? "" : "where c.active = true ")
                + "order by c.sortOrder, c.code", FundCategory.class).getResultList();
    }

    /** Adds or changes a spending category ({@link Right#CONFIGURE_FUND}). */
    public FundCategory saveCategory(String code, String nameZh, String nameEn, String kind, int sortOrder,
                                     boolean active) {
        Caller caller = access.caller(Right.CONFIGURE_FUND);
        ValidationException.Collector errors = new ValidationException.Collector();
        String c = errors.text("code", code, 30, true);
        if (c != null && !c.toUpperCase().matches("[A-Z][A-Z0-9_]{1,29}")) {
            errors.add("code", "category.code.invalid");
        }
        String zh = errors.text("nameZh", nameZh, 50, true);
        String en = errors.text("nameEn", nameEn, 50, true);
        CategoryKind k = FundAccess.choice("kind", CategoryKind.class, kind, null, errors);
        errors.throwIfAny();
        FundCategory existing = em.find(FundCategory.class, c.toUpperCase());
        if (existing == null) {
            existing = new FundCategory(c.toUpperCase(), zh, en, k, sortOrder);
            existing.update(zh, en, k, sortOrder, active);
            em.persist(existing);
        } else {
            existing.update(zh, en, k, sortOrder, active);
        }
        em.flush();
        audit.record(caller, AuditAction.SETTING_CHANGED, null, "fund_category", null, null, null,
                "fund category " + existing.getCode() + ": " + zh + " / " + en + ", " + k + ", order " + sortOrder
                        + (active ? ", active" : ", inactive"));
        return existing;
    }

    /** The limits of a year, by category. Anyone signed in. */
    public List<FundLimit> limitsOf(int year) {
        return totals.limits(year);
    }

    /**
     * Sets (or, with a null share, removes) a category's MAX or MIN limit for a year
     * ({@link Right#CONFIGURE_FUND}). The share is in basis points (2000 = 20%).
     */
    public Optional<FundLimit> setLimit(int year, String categoryCode, String bound, Integer shareBp, String strictness) {
        Caller caller = access.caller(Right.CONFIGURE_FUND);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (year < 2000 || year > 2100) {
            errors.add("year", "fund.limit.year");
        }
        String category = inputs.category("categoryCode", categoryCode, errors);
        LimitBound b = FundAccess.choice("bound", LimitBound.class, bound, null, errors);
        Strictness s = FundAccess.choice("strictness", Strictness.class, strictness, Strictness.HARD, errors);
        if (shareBp != null && (shareBp < 0 || shareBp > 10_000)) {
            errors.add("shareBp", "fund.limit.share");
        }
        errors.throwIfAny();
        Optional<FundLimit> existing = em.createQuery("select l from FundLimit l where l.year = :y and "
                        + "l.categoryCode = :c and l.bound = :b", FundLimit.class).setParameter("y", year)
                .setParameter("c", category).setParameter("b", b).getResultStream().findFirst();
        String what = "fund limit " + year + " " + category + " " + b + ": ";
        if (shareBp == null) {
            existing.ifPresent(em::remove);
            em.flush();
            audit.record(caller, AuditAction.SETTING_CHANGED, null, "fund_limit", null, null, null, what + "removed");
            return Optional.empty();
        }
        FundLimit l = existing.orElseGet(() -> {
            FundLimit n = new FundLimit(year, category, b, shareBp, s);
            em.persist(n);
            return n;
        });
        l.change(shareBp, s);
        em.flush();
        audit.record(caller, AuditAction.SETTING_CHANGED, null, "fund_limit", l.getId(), null, null,
                what + shareBp + " bp, " + s);
        return Optional.of(l);
    }

    /** The four-eyes threshold that applies to a community (its override, else the city default). No caller check. */
    public long approvalThreshold(Long communityId) {
        FundSetting own = em.find(FundSetting.class, FundSetting.communityKey(communityId));
        if (own != null) {
            return own.getApprovalThresholdFen();
        }
        FundSetting city = em.find(FundSetting.class, FundSetting.CITY);
        return city == null ? SpendingPolicy.DEFAULT_APPROVAL_THRESHOLD_FEN : city.getApprovalThresholdFen();
    }

    /** The threshold for a community in the caller's scope ({@link Right#VIEW_FUND}). */
    public long approvalThreshold(String communityCode) {
        Caller caller = access.caller(Right.VIEW_FUND);
        return approvalThreshold(access.community(caller, communityCode).getId());
    }

    /**
     * Sets the four-eyes threshold ({@link Right#CONFIGURE_FUND}): the city default when the
     * community code is null, else that community's override; a null amount removes an override.
     */
    public void setApprovalThreshold(String communityCode, Long fen) {
        Caller caller = access.caller(Right.CONFIGURE_FUND);
        String key = communityCode == null || communityCode.isBlank() ? FundSetting.CITY
                : FundSetting.communityKey(access.community(caller, communityCode).getId());
        Long communityId = key.equals(FundSetting.CITY) ? null : access.community(caller, communityCode).getId();
        if (fen == null && !key.equals(FundSetting.CITY)) {
            FundSetting s = em.find(FundSetting.class, key);
            if (s != null) {
                em.remove(s);
                audit.record(caller, AuditAction.SETTING_CHANGED, communityId, "fund_setting", communityId, null, null,
                        "approval threshold of " + communityCode + ": override removed");
            }
            return;
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        FundAccess.amount("approvalThresholdFen", fen, errors);
        errors.throwIfAny();
        FundSetting s = em.find(FundSetting.class, key);
        if (s == null) {
            em.persist(new FundSetting(key, fen));
        } else {
            s.change(fen);
        }
        em.flush();
        audit.record(caller, AuditAction.SETTING_CHANGED, communityId, "fund_setting", communityId, null, null,
                "approval threshold of " + (communityId == null ? "the city" : communityCode) + ": " + fen + " fen");
    }
}
