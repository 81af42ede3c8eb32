package org.wushe.web.fund;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.wushe.fund.application.CategoryShares;
import org.wushe.fund.application.FundViews.Shares;

/**
 * The year's category shares against the limits over the caller's whole scope (the city for the
 * bureau, the sub-district for an officer) and, when one is chosen, for one community.
 */
@Named
@ViewScoped
public class SharesBacking extends FundPage {

    private static final long serialVersionUID = 1L;

    @EJB
    CategoryShares categoryShares;

    private Shares scope;
    private Shares shares;

    @Override
    public void load() {
        super.load();
        scope = categoryShares.scopeShares(year);
    }

    @Override
    protected void refresh() {
        shares = categoryShares.shares(community, year);
    }

    public Shares getScope() { return scope; }
    public Shares getShares() { return shares; }
}
