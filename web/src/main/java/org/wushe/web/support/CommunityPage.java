package org.wushe.web.support;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.List;
import org.wushe.community.application.CommunityView;
import org.wushe.community.application.Place;
import org.wushe.community.application.GeographyService;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.ScopeKind;

/**
 * What the pages of one community share: which community they show. Staff of one community see
 * their own; roles over several choose among the communities of their scope ({@code ?community=C001});
 * a resident always sees their own community. The chooser reloads the page with the choice in the
 * address, so every view can be bookmarked.
 */
public abstract class CommunityPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    protected GeographyService geography;

    @EJB
    protected AccountService accounts;

    protected Caller me;
    protected String community;
    private List<Place> communities = List.of();

    @PostConstruct
    private void chooseCommunity() {
        me = accounts.me();
        if (me.scopeKind() != ScopeKind.SELF) {
            communities = geography.communityChoices();
            if (communities.size() == 1) {
                community = communities.get(0).code();
            }
        }
    }

    /** Runs after the view parameters are applied: settles the community, then loads the page. */
    public void load() {
        if (isResident()) {
            community = geography.ownCommunity().map(CommunityView::code).orElse(null);
        }
        community = community == null || community.isBlank() ? null : community.strip().toUpperCase();
        if (community != null) {
            refresh();
        }
    }

    /** Reads the page's data for {@link #community} (never null here). */
    protected abstract void refresh();

    /** The chooser's button: this page again, for the chosen community. */
    public String show() {
        return FacesContext.getCurrentInstance().getViewRoot().getViewId()
                + "?faces-redirect=true&includeViewParams=true";
    }

    protected boolean has(Right right) {
        return me.has(right);
    }

    public boolean isResident() {
        return me.scopeKind() == ScopeKind.SELF;
    }

    /** Whether the caller chooses among several communities. */
    public boolean isChoosing() {
        return communities.size() > 1;
    }

    public List<Place> getCommunities() {
        return communities;
    }

    /** The name of the community shown, for the title. */
    public String getCommunityName() {
        return communities.stream().filter(c -> c.code().equals(community)).map(Place::name).findFirst()
                .orElse("");
    }

    public String getCommunity() {
        return community;
    }

    public void setCommunity(String community) {
        this.community = community;
    }
}
