package org.wushe.web.home;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wushe.community.application.CommunityView;
import org.wushe.community.application.GeographyService;
import org.wushe.home.application.MyWork;
import org.wushe.home.application.WorkLine;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Role;
import org.wushe.web.support.PageModel;

/**
 * The home page: "my work" first (what waits for the caller, each line a link to its filtered list),
 * then who you are and the communities in your scope (paged: a bureau has thousands).
 */
@Named
@ViewScoped
public class HomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    GeographyService geography;

    @EJB
    AccountService accounts;

    @EJB
    MyWork myWork;

    private Caller me;
    private List<WorkLine> lines = List.of();

    private PageModel<CommunityView> communities;

    @PostConstruct
    void init() {
        me = accounts.me();
        org.wushe.web.support.Actions.run("work", () -> lines = myWork.lines());
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

    public List<WorkLine> getLines() {
        return lines;
    }

    /** The link of a line: its list page with the filter as query parameters. */
    public String href(WorkLine line) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Map<String, List<String>> params = new LinkedHashMap<>();
        line.params().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> params.put(e.getKey(), List.of(e.getValue())));
        return ctx.getApplication().getViewHandler().getBookmarkableURL(ctx, line.outcome() + ".xhtml", params, false);
    }

    /** Whole days the oldest item has waited (0 on its first day), or -1 when the line has no oldest item. */
    public long waitedDays(WorkLine line) {
        return line.since() == null ? -1 : Math.max(0, Duration.between(line.since(), line.asOf()).toDays());
    }

    /** Whole hours left before the nearest deadline when it is at most two days away, or -1. */
    public long hoursLeft(WorkLine line) {
        long hours = line.due() == null || !line.due().isAfter(line.asOf()) ? -1
                : Duration.between(line.asOf(), line.due()).toHours();
        return hours > 48 ? -1 : hours;
    }

    /** Whole days left before the nearest deadline when it is more than two days away, or -1. */
    public long daysLeft(WorkLine line) {
        return line.due() == null || Duration.between(line.asOf(), line.due()).toHours() <= 48 ? -1
                : Duration.between(line.asOf(), line.due()).toDays();
    }

    /** Whole days since the oldest deadline passed, or -1 when none passed. */
    public long overdueDays(WorkLine line) {
        return line.due() == null || line.due().isAfter(line.asOf()) ? -1 : Duration.between(line.due(), line.asOf()).toDays();
    }
}
