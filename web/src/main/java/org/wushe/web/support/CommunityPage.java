package org.wushe.web.support;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
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
 * a resident always sees their own community. The chooser ({@link CommunityChooser}: a select menu for
 * a small scope, a search field for a large one) reloads the page with the choice in the address, so
 * every view can be bookmarked.
 */
public abstract class CommunityPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    protected GeographyService geography;

    @EJB
    protected AccountService accounts;

    @Inject
    protected CommunityChooser chooser;

    protected Caller me;
    protected String community;

    @PostConstruct
    private void chooseCommunity() {
        me = accounts.me();
        if (me.scopeKind() != ScopeKind.SELF) {
            String only = chooser.single();
            if (only != null) {
                community = only;
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
        return !isResident() && chooser.isChoosing();
    }

    /** The select menu's communities (empty for a large scope, which has the search field). */
    public List<Place> getCommunities() {
        return isResident() ? List.of() : chooser.getChoices();
    }

    /** The chooser of this page's view. */
    public CommunityChooser getChooser() {
        return chooser;
    }

    /** The name of the community shown, for the title: right for any community of the scope. */
    public String getCommunityName() {
        return isResident() ? "" : chooser.name(community);
    }

    public String getCommunity() {
        return community;
    }

    public void setCommunity(String community) {
        this.community = community;
    }
}
