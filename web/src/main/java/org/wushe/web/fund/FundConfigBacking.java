package org.wushe.web.fund;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Year;
import java.util.List;
import org.wushe.fund.application.FundSettings;
import org.wushe.fund.domain.FundCategory;
import org.wushe.fund.domain.FundLimit;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/** The bureau's spending categories, their limits per year, and the four-eyes threshold. */
@Named
@ViewScoped
public class FundConfigBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    FundSettings fundSettings;

    private int year = Year.now().getValue();
    private String code;
    private String nameZh;
    private String nameEn;
    private String kind = "NEEDS";
    private String sortOrder = "100";
    private boolean active = true;
    private String limitCategory;
    private String bound = "MIN";
    private String shareBp;
    private String strictness = "HARD";
    private String thresholdCommunity;
    private String threshold;

    public List<FundCategory> getCategories() {
        return fundSettings.categories(true);
    }

    public List<FundLimit> getLimits() {
        return fundSettings.limitsOf(year);
    }

    public long getCityThreshold() {
        return fundSettings.approvalThreshold(-1L);
    }

    public void saveCategory() {
        Actions.run("category", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer order = FormInputs.optionalInteger("sortOrder", sortOrder, errors);
            errors.throwIfAny();
            fundSettings.saveCategory(code, nameZh, nameEn, kind, order == null ? 100 : order, active);
            FacesErrors.info("fund.done.saved");
        });
    }

    public void saveLimit() {
        Actions.run("limit", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer share = FormInputs.optionalInteger("shareBp", shareBp, errors);
            errors.throwIfAny();
            fundSettings.setLimit(year, limitCategory, bound, share, strictness);
            FacesErrors.info("fund.done.saved");
        });
    }

    public void saveThreshold() {
        Actions.run("threshold", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long fen = FundPage.fen("approvalThresholdFen", threshold, errors);
            errors.throwIfAny();
            fundSettings.setApprovalThreshold(thresholdCommunity, fen);
            FacesErrors.info("fund.done.saved");
        });
    }

    public int getYear() { return year; }
    public void setYear(int v) { year = v; }
    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String v) { nameZh = v; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String v) { nameEn = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getSortOrder() { return sortOrder; }
    public void setSortOrder(String v) { sortOrder = v; }
    public boolean isActive() { return active; }
    public void setActive(boolean v) { active = v; }
    public String getLimitCategory() { return limitCategory; }
    public void setLimitCategory(String v) { limitCategory = v; }
    public String getBound() { return bound; }
    public void setBound(String v) { bound = v; }
    public String getShareBp() { return shareBp; }
    public void setShareBp(String v) { shareBp = v; }
    public String getStrictness() { return strictness; }
    public void setStrictness(String v) { strictness = v; }
    public String getThresholdCommunity() { return thresholdCommunity; }
    public void setThresholdCommunity(String v) { thresholdCommunity = v; }
    public String getThreshold() { return threshold; }
    public void setThreshold(String v) { threshold = v; }
}
