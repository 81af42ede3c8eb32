package org.wushe.web.casework;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.wushe.casework.application.CaseService;
import org.wushe.security.domain.Right;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.web.security.SessionBacking;
import org.wushe.web.support.CommunityPage;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FormInputs;

/**
 * The cases the caller may read (a social worker's own, a supervisor's supervisees', the Party
 * secretary's community's), a social worker's form to open a case directly, and the community's case
 * counts, which is all that others see.
 */
@Named
@ViewScoped
public class CasesBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionBacking sessionBacking;

    @EJB
    CaseService cases;

    private List<CaseService.CaseRow> mine = List.of();
    private CaseService.CaseCounts counts;
    private String residentId;
    private String title;

    @Override
    public void load() {
        // A refusal while loading is shown in the reader's language, which the view gets only at rendering.
        FacesContext.getCurrentInstance().getViewRoot().setLocale(sessionBacking.getLocale());
        super.load();
        Actions.run("cases", () -> {
            mine = cases.myCases(false, PageRequest.of(0, 200)).items();
        });
    }

    @Override
    protected void refresh() {
        Actions.run("cases", () -> {
            counts = has(Right.VIEW_CASEWORK_FIGURES) ? cases.counts(community) : null;
        });
    }

    public String open() {
        return Actions.call("open", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long resident = FormInputs.optionalLong("residentId", residentId, errors);
            errors.throwIfAny();
            CaseService.CaseRow c = cases.open(new CaseService.CaseForm(resident, title, null));
            return "/casework/case?faces-redirect=true&id=" + c.id();
        });
    }

    public boolean isSocialWorker() {
        return has(Right.RUN_CASEWORK);
    }

    public List<CaseService.CaseRow> getMine() { return mine; }
    public CaseService.CaseCounts getCounts() { return counts; }
    public String getResidentId() { return residentId; }
    public void setResidentId(String v) { residentId = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
}
