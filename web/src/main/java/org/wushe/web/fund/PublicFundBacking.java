package org.wushe.web.fund;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.wushe.fund.application.FundReporting;
import org.wushe.shared.WusheException;
import org.wushe.web.support.FacesErrors;

/**
 * The public page of a community's micro-fund, without sign-in
 * ({@code /public/fund.xhtml?community=C001}), from {@link FundReporting#publicFund} only: money in
 * and out, per project and per category, each project's progress with its photos (served by
 * {@link PublicPhotoServlet}), donors named only where they agreed, the rest as one anonymous
 * total. No personal data of beneficiaries.
 */
@Named
@ViewScoped
public class PublicFundBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    FundReporting reporting;

    private String community;
    private FundReporting.PublicFund page;

    public void load() {
        if (community == null || community.isBlank()) {
            FacesErrors.info("fundpublic.communityMissing");
            return;
        }
        try {
            page = reporting.publicFund(community);
        } catch (WusheException e) {
            FacesErrors.show(e, "public");
        } catch (jakarta.ejb.EJBException e) {
            if (e.getCause() instanceof WusheException w) {
                FacesErrors.show(w, "public");
            } else {
                throw e;
            }
        }
    }

    public String getCommunity() { return community; }
    public void setCommunity(String v) { community = v; }
    public FundReporting.PublicFund getPage() { return page; }
}
