package org.wushe.web.deliberation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.wushe.fund.domain.Money;
import org.wushe.deliberation.application.IssueService;
import org.wushe.deliberation.application.VetoService;
import org.wushe.deliberation.application.Views;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The proposals panel of the issue page and its veto dialog: a social worker's technical proposal with
 * its cost in yuan, the revision of a vetoed one, and the Party secretary's veto of a submitted one
 * with its ground and written reason.
 */
@Named
@ViewScoped
public class IssueProposalsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    IssueService issues;

    @EJB
    VetoService vetoes;

    @Inject
    IssueBacking page;

    private String proposalTitle;
    private String proposalBody;
    private String proposalCost;
    private Long reviseId;
    private String reviseTitle;
    private String reviseBody;
    private String reviseCost;
    private Long vetoProposalId;
    private String vetoGround;
    private String vetoReason;

    public void propose() {
        Actions.run("propose", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long fen = fen("cost", proposalCost, errors);
            errors.throwIfAny();
            issues.submitProposal(page.getId(), proposalTitle, proposalBody, fen);
            FacesErrors.info("deliberation.done.proposed", proposalTitle);
            proposalTitle = null;
            proposalBody = null;
            proposalCost = null;
            page.reload();
        });
    }

    /** Fills the revision form with a vetoed proposal. */
    public void revise(Views.ProposalView p) {
        reviseId = p.id();
        reviseTitle = p.title();
        reviseBody = p.body();
        reviseCost = p.costFen() == null ? null : page.yuan(p.costFen());
    }

    public void resubmit() {
        Actions.run("revise", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long fen = fen("cost", reviseCost, errors);
            errors.throwIfAny();
            issues.resubmit(reviseId, reviseTitle, reviseBody, fen);
            FacesErrors.info("deliberation.done.resubmitted", reviseTitle);
            reviseId = null;
            page.reload();
        });
    }

    /** Opens the veto dialog for a proposal. */
    public void prepareVeto(Views.ProposalView p) {
        vetoProposalId = p.id();
        vetoGround = null;
        vetoReason = null;
    }

    public void veto() {
        Actions.run("veto", () -> {
            vetoes.veto(vetoProposalId, vetoGround, vetoReason);
            FacesErrors.info("deliberation.done.vetoed");
            org.primefaces.PrimeFaces.current().executeScript("PF('vetoDialog').hide()");
            page.reload();
        });
    }

    private static Long fen(String field, String yuan, ValidationException.Collector errors) {
        return Money.parse(field, yuan, "error.number", "deliberation.cost.cents", errors);
    }

    public String getProposalTitle() { return proposalTitle; }
    public void setProposalTitle(String v) { proposalTitle = v; }
    public String getProposalBody() { return proposalBody; }
    public void setProposalBody(String v) { proposalBody = v; }
    public String getProposalCost() { return proposalCost; }
    public void setProposalCost(String v) { proposalCost = v; }
    public Long getReviseId() { return reviseId; }
    public String getReviseTitle() { return reviseTitle; }
    public void setReviseTitle(String v) { reviseTitle = v; }
    public String getReviseBody() { return reviseBody; }
    public void setReviseBody(String v) { reviseBody = v; }
    public String getReviseCost() { return reviseCost; }
    public void setReviseCost(String v) { reviseCost = v; }
    public Long getVetoProposalId() { return vetoProposalId; }
    public String getVetoProposalTitle() { return page.proposalTitle(vetoProposalId); }
    public String getVetoGround() { return vetoGround; }
    public void setVetoGround(String v) { vetoGround = v; }
    public String getVetoReason() { return vetoReason; }
    public void setVetoReason(String v) { vetoReason = v; }
}
