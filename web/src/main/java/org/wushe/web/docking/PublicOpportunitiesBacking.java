package org.wushe.web.docking;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Year;
import org.wushe.docking.application.OpportunityService;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * The public page of a community's published Participation Opportunity List: anyone may read it
 * without signing in ({@code /public/opportunities.xhtml?community=C001&year=2026}); no names of
 * applicants, only the open places.
 */
@Named
@ViewScoped
public class PublicOpportunitiesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OpportunityService opportunities;

    private String community;
    private Integer year;
    private OpportunityService.ListView list;

    public void load() {
        if (year == null) {
            year = Year.now().getValue();
        }
        if (community == null || community.isBlank()) {
            FacesErrors.info("docking.public.communityMissing");
            return;
        }
        Actions.run("public", () -> {
            list = opportunities.publicList(community, year);
        });
    }

    public String getCommunity() { return community; }
    public void setCommunity(String v) { community = v; }
    public Integer getYear() { return year; }
    public void setYear(Integer v) { year = v; }
    public OpportunityService.ListView getList() { return list; }
}
