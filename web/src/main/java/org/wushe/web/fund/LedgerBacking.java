package org.wushe.web.fund;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.wushe.fund.application.FundQueries;
import org.wushe.fund.application.FundViews.TransactionRow;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.web.support.PageModel;

/** The community's fund ledger, newest first, fifty transactions a page, each with its entries. */
@Named
@ViewScoped
public class LedgerBacking extends FundPage {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;

    @EJB
    FundQueries fundQueries;

    private Page<TransactionRow> ledger;
    private int first;

    @Override
    protected void refresh() {
        ledger = fundQueries.ledger(community, PageRequest.of(first, PAGE));
    }

    public void next() {
        first += PAGE;
        refresh();
    }

    public void previous() {
        first = Math.max(0, first - PAGE);
        refresh();
    }

    public boolean isHasNext() {
        return ledger != null && first + PAGE < ledger.total();
    }

    /**
     * The whole list for the Excel export (the table shows {@value #PAGE} rows a page): the same
     * service call as the table's, read by the export a service page at a time.
     */
    public PageModel<TransactionRow> getExportModel() {
        String code = community;
        FundQueries queries = fundQueries;
        return new PageModel<>(request -> queries.ledger(code, request), TransactionRow::id, "ledger");
    }

    public Page<TransactionRow> getLedger() { return ledger; }
    public int getFirst() { return first; }
}
