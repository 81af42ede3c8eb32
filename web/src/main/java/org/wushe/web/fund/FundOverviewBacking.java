package org.wushe.web.fund;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.wushe.fund.application.CategoryShares;
import org.wushe.fund.application.FundQueries;
import org.wushe.fund.application.FundSettings;
import org.wushe.fund.application.FundViews.Balance;
import org.wushe.fund.application.FundViews.Shares;
import org.wushe.web.support.Actions;

/**
 * A community's fund at a glance: the balance with the invariant line (balance = donations −
 * refunds − expenditures, checked from the ledger's entries), the accounts, the four-eyes
 * threshold, and the year's category shares against the bureau's limits.
 */
@Named
@ViewScoped
public class FundOverviewBacking extends FundPage {

    private static final long serialVersionUID = 1L;

    @EJB
    FundQueries fundQueries;

    @EJB
    CategoryShares categoryShares;

    @EJB
    FundSettings fundSettings;

    private Balance balance;
    private Shares shares;
    private long threshold;

    @Override
    protected void refresh() {
        Actions.run("overview", () -> {
            balance = fundQueries.balance(community);
            shares = categoryShares.shares(community, year);
            threshold = fundSettings.approvalThreshold(community);
        });
    }

    public Balance getBalance() {
        return balance;
    }

    public Shares getShares() {
        return shares;
    }

    public long getThreshold() {
        return threshold;
    }
}
