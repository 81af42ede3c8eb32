package org.wushe.organisation.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.organisation.application.OrganisationViews.ChecklistItemView;
import org.wushe.organisation.domain.ChecklistItem;
import org.wushe.organisation.domain.MaturityTier;
import org.wushe.organisation.domain.SupportKind;
import org.wushe.organisation.domain.TierRule;
import org.wushe.organisation.domain.TierThreshold;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * The bureau's settings of the maturity tiers for the city: the thresholds of the growing and the
 * mature tier, and the support checklist of every tier. Reading needs
 * {@link Right#VIEW_ORGANISATIONS}, changing {@link Right#CONFIGURE_ORGANISATIONS}.
 */
@Stateless
public class OrganisationSettingsService {

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationAccess access;

    @Inject
    TierReader tiers;

    @Inject
    Clock clock;

    @EJB
    AuditLog audit;

    /** The thresholds as typed in; satisfaction as a decimal such as 3.5. */
    public record ThresholdForm(Integer minActivities, Integer minMembers, Integer minSelfSharePercent,
                                java.math.BigDecimal minSatisfaction, Integer minYears) {
    }

    /** The rules of GROWING and MATURE, in that order. */
    public List<TierRule> thresholds() {
        access.caller(Right.VIEW_ORGANISATIONS);
        Map<MaturityTier, TierRule> rules = tiers.rules();
        return List.of(rules.get(MaturityTier.GROWING), rules.get(MaturityTier.MATURE));
    }

    /**
     * Sets the thresholds of GROWING or MATURE. Refuses, field by field, values out of range
     * (activities and members 0 to 10,000, share 0 to 100, satisfaction 1.0 to 5.0 with one decimal,
     * years 0 to 100) and a growing threshold above the mature one ({@code organisation.threshold.order}),
     * so the tiers stay ordered.
     */
    public TierRule setThresholds(String tier, ThresholdForm f) {
        Caller caller = access.caller(Right.CONFIGURE_ORGANISATIONS);
        ValidationException.Collector errors = new ValidationException.Collector();
        MaturityTier t = OrganisationAccess.choice("tier", MaturityTier.class, tier, null, errors);
        if (t == MaturityTier.NASCENT) {
            errors.add("tier", "organisation.threshold.nascent");
        }
        int activities = range("minActivities", f.minActivities(), 0, 10_000, errors);
        int members = range("minMembers", f.minMembers(), 0, 10_000, errors);
        int share = range("minSelfSharePercent", f.minSelfSharePercent(), 0, 100, errors);
        int satisfaction = 0;
        if (f.minSatisfaction() == null) {
            errors.add("minSatisfaction", "error.required");
        } else {
            java.math.BigDecimal s = f.minSatisfaction().stripTrailingZeros();
            if (s.scale() > 1 || s.compareTo(java.math.BigDecimal.ONE) < 0 || s.compareTo(java.math.BigDecimal.valueOf(5)) > 0) {
                errors.add("minSatisfaction", "organisation.satisfaction.range");
            } else {
                satisfaction = s.movePointRight(1).intValueExact();
            }
        }
        int years = range("minYears", f.minYears(), 0, 100, errors);
        errors.throwIfAny();
        TierRule rule = new TierRule(t, activities, members, share, satisfaction, years);
        TierThreshold growing = em.find(TierThreshold.class, MaturityTier.GROWING, LockModeType.PESSIMISTIC_WRITE);
        TierThreshold mature = em.find(TierThreshold.class, MaturityTier.MATURE, LockModeType.PESSIMISTIC_WRITE);
        TierRule g = t == MaturityTier.GROWING ? rule : growing.rule();
        TierRule m = t == MaturityTier.MATURE ? rule : mature.rule();
        if (g.minActivities() > m.minActivities()) {
            errors.add("minActivities", "organisation.threshold.order", m.minActivities(), g.minActivities());
        }
        if (g.minMembers() > m.minMembers()) {
            errors.add("minMembers", "organisation.threshold.order", m.minMembers(), g.minMembers());
        }
        if (g.minSelfSharePercent() > m.minSelfSharePercent()) {
            errors.add("minSelfSharePercent", "organisation.threshold.order", m.minSelfSharePercent(),
                    g.minSelfSharePercent());
        }
        if (g.minSatisfactionTenths() > m.minSatisfactionTenths()) {
            errors.add("minSatisfaction", "organisation.threshold.order", m.minSatisfactionTenths() / 10.0,
                    g.minSatisfactionTenths() / 10.0);
        }
        if (g.minYears() > m.minYears()) {
            errors.add("minYears", "organisation.threshold.order", m.minYears(), g.minYears());
        }
        errors.throwIfAny();
        (t == MaturityTier.GROWING ? growing : mature).set(rule, caller.username(), clock.instant());
        em.flush();
        audit.record(caller, AuditAction.SETTING_CHANGED, null, "tier_threshold", null, null, null,
                "tier " + t + " thresholds: activities " + activities + ", members " + members + ", self share "
                        + share + "%, satisfaction " + satisfaction / 10.0 + ", years " + years);
        return rule;
    }

    /** The active checklist items of every tier, by tier and order. */
    public List<ChecklistItemView> checklist() {
        access.caller(Right.VIEW_ORGANISATIONS);
        List<ChecklistItemView> out = new ArrayList<>();
        em.createQuery("select i from ChecklistItem i where i.active = 1 order by i.tier, i.sortOrder, i.id",
                        ChecklistItem.class).getResultList()
                .forEach(i -> out.add(view(i)));
        return out;
    }

    /** Adds an item to a tier's checklist. Refuses an unknown tier or kind, a blank title, an order outside 0 to 9,999. */
    public ChecklistItemView addChecklistItem(String tier, String kind, String title, Integer sortOrder) {
        Caller caller = access.caller(Right.CONFIGURE_ORGANISATIONS);
        ValidationException.Collector errors = new ValidationException.Collector();
        MaturityTier t = OrganisationAccess.choice("tier", MaturityTier.class, tier, null, errors);
        SupportKind k = OrganisationAccess.choice("kind", SupportKind.class, kind, null, errors);
        String text = errors.text("title", title, 200, true);
        int order = sortOrder == null ? 100 : range("sortOrder", sortOrder, 0, 9_999, errors);
        errors.throwIfAny();
        ChecklistItem i = new ChecklistItem(t, k, text, order);
        em.persist(i);
        em.flush();
        audit.record(caller, AuditAction.SETTING_CHANGED, null, "checklist_item", i.getId(), null, null,
                "checklist of " + t + ": added " + k + " \"" + text + "\", order " + order);
        return view(i);
    }

    /** Takes an item off its checklist; the ticks already given stay on record. */
    public void retireChecklistItem(Long id) {
        Caller caller = access.caller(Right.CONFIGURE_ORGANISATIONS);
        ChecklistItem i = id == null ? null : em.find(ChecklistItem.class, id);
        if (i == null || !i.isActive()) {
            throw new NotFoundException("checklistItem", id);
        }
        i.retire();
        em.flush();
        audit.record(caller, AuditAction.SETTING_CHANGED, null, "checklist_item", i.getId(), null, null,
                "checklist of " + i.getTier() + ": retired \"" + i.getTitle() + "\"");
    }

    private static ChecklistItemView view(ChecklistItem i) {
        return new ChecklistItemView(i.getId(), i.getTier().name(), i.getKind().name(), i.getTitle(), i.getSortOrder());
    }

    private static int range(String field, Integer v, int min, int max, ValidationException.Collector errors) {
        if (v == null) {
            errors.add(field, "error.required");
            return 0;
        }
        if (v < min || v > max) {
            errors.add(field, "organisation.range", min, max);
        }
        return v;
    }
}
