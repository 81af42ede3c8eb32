package org.wushe.web.home;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.wushe.community.application.CommunityView;
import org.wushe.community.application.GeographyService;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Role;
import org.wushe.web.support.PageModel;

/** The home page: who you are and the communities in your scope (paged: a bureau has thousands). */
@Named
@ViewScoped
public class HomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    GeographyService geography;

    @EJB
    AccountService accounts;

    private Caller me;
    private PageModel<CommunityView> communities;

    @PostConstruct
    void init() {
        me = accounts.me();
        if (showsCommunities()) {
            GeographyService service = geography;
            communities = new PageModel<>(r -> service.communities(null, r), CommunityView::code, "home");
        }
    }

    public Caller getMe() {
        return me;
    }

    public boolean showsCommunities() {
        return me.role() != Role.IT_OPERATOR && me.role() != Role.RESIDENT;
    }

    public boolean isOperator() {
        return me.role() == Role.IT_OPERATOR;
    }

    public boolean isResident() {
        return me.role() == Role.RESIDENT;
    }

    public PageModel<CommunityView> getCommunities() {
        return communities;
    }
}
