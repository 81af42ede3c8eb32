package org.wushe.web.organisation;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.wushe.organisation.application.OrganisationSettingsService;
import org.wushe.organisation.application.OrganisationViews.ChecklistItemView;
import org.wushe.organisation.domain.MaturityTier;
import org.wushe.organisation.domain.SupportKind;
import org.wushe.organisation.domain.TierRule;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The bureau's settings of the maturity tiers: the thresholds of the growing and the mature tier,
 * and the support checklist of every tier (add an item, retire one).
 */
@Named
@ViewScoped
public class OrganisationSettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OrganisationSettingsService settings;

    /** One tier's thresholds as the form edits them. */
    public static class Thresholds implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String tier;
        private String minActivities;
        private String minMembers;
        private String minSelfSharePercent;
        private String minSatisfaction;
        private String minYears;

        Thresholds(TierRule r) {
            tier = r.tier().name();
            minActivities = String.valueOf(r.minActivities());
            minMembers = String.valueOf(r.minMembers());
            minSelfSharePercent = String.valueOf(r.minSelfSharePercent());
            minSatisfaction = r.minSatisfactionTenths() / 10 + "." + r.minSatisfactionTenths() % 10;
            minYears = String.valueOf(r.minYears());
        }

        public String getTier() { return tier; }
        public String getMinActivities() { return minActivities; }
        public void setMinActivities(String v) { minActivities = v; }
        public String getMinMembers() { return minMembers; }
        public void setMinMembers(String v) { minMembers = v; }
        public String getMinSelfSharePercent() { return minSelfSharePercent; }
        public void setMinSelfSharePercent(String v) { minSelfSharePercent = v; }
        public String getMinSatisfaction() { return minSatisfaction; }
        public void setMinSatisfaction(String v) { minSatisfaction = v; }
        public String getMinYears() { return minYears; }
        public void setMinYears(String v) { minYears = v; }
    }

    private Thresholds growing;
    private Thresholds mature;
    private List<ChecklistItemView> items = List.of();
    private String tier;
    private String kind;
    private String title;
    private String sortOrder;

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        Actions.run("growing", () -> {
            List<TierRule> rules = settings.thresholds();
            growing = new Thresholds(rules.get(0));
            mature = new Thresholds(rules.get(1));
            items = settings.checklist();
        });
    }

    public void saveGrowing() {
        save(growing, "growing");
    }

    public void saveMature() {
        save(mature, "mature");
    }

    private void save(Thresholds t, String formId) {
        Actions.run(formId, () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer a = FormInputs.optionalInteger("minActivities", t.minActivities, errors);
            Integer m = FormInputs.optionalInteger("minMembers", t.minMembers, errors);
            Integer s = FormInputs.optionalInteger("minSelfSharePercent", t.minSelfSharePercent, errors);
            BigDecimal sat = FormInputs.optionalDecimal("minSatisfaction", t.minSatisfaction, errors);
            Integer y = FormInputs.optionalInteger("minYears", t.minYears, errors);
            errors.throwIfAny();
            settings.setThresholds(t.tier, new OrganisationSettingsService.ThresholdForm(a, m, s, sat, y));
            FacesErrors.info("organisation.done.thresholds",
                    new org.wushe.shared.Label("organisation.tier." + t.tier));
            reload();
        });
    }

    public void addItem() {
        Actions.run("item", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer order = FormInputs.optionalInteger("sortOrder", sortOrder, errors);
            errors.throwIfAny();
            settings.addChecklistItem(tier, kind, title, order);
            FacesErrors.info("organisation.done.item");
            title = null;
            sortOrder = null;
            reload();
        });
    }

    public void retire(ChecklistItemView item) {
        Actions.run("items", () -> {
            settings.retireChecklistItem(item.id());
            FacesErrors.info("organisation.done.retired");
            reload();
        });
    }

    public List<String> getTiers() {
        return Arrays.stream(MaturityTier.values()).map(Enum::name).toList();
    }

    public List<String> getKinds() {
        return Arrays.stream(SupportKind.values()).map(Enum::name).toList();
    }

    public Thresholds getGrowing() { return growing; }
    public Thresholds getMature() { return mature; }
    public List<ChecklistItemView> getItems() { return items; }
    public String getTier() { return tier; }
    public void setTier(String v) { tier = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getSortOrder() { return sortOrder; }
    public void setSortOrder(String v) { sortOrder = v; }
}
