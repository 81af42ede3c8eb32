package org.wushe.web.casework;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.wushe.casework.application.BoardService;
import org.wushe.casework.application.CaseService;
import org.wushe.casework.application.CaseworkSettings;
import org.wushe.casework.application.JointMeetingService;
import org.wushe.security.domain.Right;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.web.security.SessionBacking;
import org.wushe.web.support.CommunityPage;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The stubborn-case board of a community. The Party secretary sees referrals escalated past their
 * deadline, the stubborn cases (to convene a joint meeting) and the plan tasks past their deadline;
 * a social worker sees their own stubborn cases; everyone with the right sees the counts and the
 * deadlines in force, which the Party secretary and the bureau may change for the community.
 */
@Named
@ViewScoped
public class BoardBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionBacking sessionBacking;

    @EJB
    BoardService boards;

    @EJB
    CaseService cases;

    @EJB
    CaseworkSettings settings;

    @EJB
    JointMeetingService meetings;

    private BoardService.SecretaryBoard board;
    private CaseService.CaseCounts counts;
    private List<CaseService.CaseRow> stubborn = List.of();
    private CaseworkSettings.SettingView rules;
    private List<org.wushe.casework.domain.JointDepartment> departments = List.of();
    private String highRiskHours;
    private String mediumRiskHours;
    private String lowRiskHours;
    private String stubbornAfterDays;

    /** A refusal while loading is shown in the reader's language, which the view gets only at rendering. */
    @Override
    public void load() {
        FacesContext.getCurrentInstance().getViewRoot().setLocale(sessionBacking.getLocale());
        super.load();
    }

    @Override
    protected void refresh() {
        Actions.run("board", () -> {
            if (has(Right.CONVENE_JOINT_MEETINGS)) {
                board = boards.board(community);
                counts = board.counts();
                stubborn = board.stubborn();
            } else {
                counts = cases.counts(community);
                stubborn = has(Right.RUN_CASEWORK) ? cases.myCases(true, PageRequest.of(0, 100)).items() : List.of();
            }
            rules = settings.view(community);
            departments = meetings.departments();
            highRiskHours = String.valueOf(rules.highRiskHours());
            mediumRiskHours = String.valueOf(rules.mediumRiskHours());
            lowRiskHours = String.valueOf(rules.lowRiskHours());
            stubbornAfterDays = String.valueOf(rules.stubbornAfterDays());
        });
    }

    /** Sets this community's deadlines and stubborn period (the Party secretary or the bureau). */
    public void saveRules() {
        Actions.run("rules", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Integer high = FormInputs.optionalInteger("highRiskHours", highRiskHours, errors);
            Integer medium = FormInputs.optionalInteger("mediumRiskHours", mediumRiskHours, errors);
            Integer low = FormInputs.optionalInteger("lowRiskHours", lowRiskHours, errors);
            Integer days = FormInputs.optionalInteger("stubbornAfterDays", stubbornAfterDays, errors);
            errors.throwIfAny();
            settings.save(community, high, medium, low, days);
            FacesErrors.info("casework.done.rules");
            refresh();
        });
    }

    /** A department's name in the reader's language. */
    public String departmentName(String code) {
        boolean english = "en".equals(FacesContext.getCurrentInstance().getViewRoot()
                .getLocale().getLanguage());
        return departments.stream().filter(d -> d.getCode().equals(code)).findFirst()
                .map(d -> english ? d.getNameEn() : d.getNameZh()).orElse(code);
    }

    public boolean isConfiguring() {
        return has(Right.CONFIGURE_CASEWORK);
    }

    public boolean isSecretary() {
        return has(Right.CONVENE_JOINT_MEETINGS);
    }

    public boolean isReasonKey(String s) {
        return s != null && s.startsWith("case.stubborn.");
    }

    public CaseworkSettings.SettingView getRules() { return rules; }
    public String getHighRiskHours() { return highRiskHours; }
    public void setHighRiskHours(String v) { highRiskHours = v; }
    public String getMediumRiskHours() { return mediumRiskHours; }
    public void setMediumRiskHours(String v) { mediumRiskHours = v; }
    public String getLowRiskHours() { return lowRiskHours; }
    public void setLowRiskHours(String v) { lowRiskHours = v; }
    public String getStubbornAfterDays() { return stubbornAfterDays; }
    public void setStubbornAfterDays(String v) { stubbornAfterDays = v; }
    public BoardService.SecretaryBoard getBoard() { return board; }
    public CaseService.CaseCounts getCounts() { return counts; }
    public List<CaseService.CaseRow> getStubborn() { return stubborn; }
}
