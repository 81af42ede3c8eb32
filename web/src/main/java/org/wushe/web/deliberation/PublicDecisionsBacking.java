package org.wushe.web.deliberation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.wushe.deliberation.application.DecisionService;
import org.wushe.deliberation.application.Views;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * The public page of a community's deliberation decisions: anyone may read it without signing in
 * ({@code /public/decisions.xhtml?community=C001}). What was decided and why, how the vote went in
 * counts, every veto with its ground and reason, and how far the decision has been carried out; no
 * names of residents or representatives.
 */
@Named
@ViewScoped
public class PublicDecisionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    DecisionService decisions;

    private String community;
    private Views.PublicPage page;

    public void load() {
        if (community == null || community.isBlank()) {
            FacesErrors.info("deliberation.public.communityMissing");
            return;
        }
        Actions.run("public", () -> {
            page = decisions.publicDecisions(community);
        });
    }

    /** The vote's "for/present/representatives" as three numbers, or null for a decision without a vote. */
    public String[] votes(Views.PublicDecision d) {
        return d.voteSummary() == null ? null : d.voteSummary().split("/");
    }

    public String getCommunity() { return community; }
    public void setCommunity(String v) { community = v; }
    public Views.PublicPage getPage() { return page; }
}
