package org.wushe.web.organisation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.wushe.organisation.application.OrganisationTierService;
import org.wushe.organisation.application.OrganisationViews.CommunityTiers;
import org.wushe.web.support.Actions;

/**
 * How many organisations stand in each tier, per community of the caller's scope, optionally of
 * one sub-district ({@code ?subDistrict=SD01}), with the totals.
 */
@Named
@ViewScoped
public class OrganisationOverviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OrganisationTierService tiers;

    private String subDistrict;
    private List<CommunityTiers> rows = List.of();

    /** Runs after the view parameter is applied. */
    public void load() {
        Actions.run("overview", () -> {
            rows = tiers.overview(subDistrict);
        });
    }

    public String show() {
        return "/organisations/overview?faces-redirect=true&includeViewParams=true";
    }

    public long getNascent() {
        return rows.stream().mapToLong(CommunityTiers::nascent).sum();
    }

    public long getGrowing() {
        return rows.stream().mapToLong(CommunityTiers::growing).sum();
    }

    public long getMature() {
        return rows.stream().mapToLong(CommunityTiers::mature).sum();
    }

    public List<CommunityTiers> getRows() { return rows; }
    public String getSubDistrict() { return subDistrict; }
    public void setSubDistrict(String v) { subDistrict = v; }
}
