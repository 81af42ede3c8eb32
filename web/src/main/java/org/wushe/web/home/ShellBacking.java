package org.wushe.web.home;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primefaces.model.menu.DefaultMenuItem;
import org.primefaces.model.menu.DefaultMenuModel;
import org.primefaces.model.menu.DefaultSubMenu;
import org.primefaces.model.menu.MenuModel;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.web.security.SessionBacking;
import org.wushe.web.support.Messages;

/**
 * The page shell: who is signed in, the menu by zone their role sees ({@link ShellMenu}) with the
 * current page marked, and the breadcrumbs of a detail page.
 */
@Named
@RequestScoped
public class ShellBacking {

    /** Marks the link of the page shown; a script of the shell gives it {@code aria-current="page"}. */
    static final String CURRENT = "wushe-current";
    /** Marks the link of the list a detail page was opened from, and the zone of the page shown. */
    static final String SECTION = "wushe-current-section";

    @EJB
    AccountService accounts;

    @Inject
    SessionBacking session;

    private Caller me;
    private MenuModel menu;

    public Caller getMe() {
        if (me == null) {
            me = accounts.me();
        }
        return me;
    }

    /** Whether the signed-in role has the right, e.g. {@code #{shellBacking.can('VIEW_RESIDENTS')}}. */
    public boolean can(String right) {
        return getMe().has(Right.valueOf(right));
    }

    /** The menu bar of the signed-in role, built once per request. */
    public MenuModel getMenu() {
        if (menu == null) {
            menu = build();
        }
        return menu;
    }

    private MenuModel build() {
        String view = viewId();
        ShellMenu.Entry section = ShellMenu.sectionOf(view);
        boolean detail = ShellMenu.isDetail(view);
        String contextPath = contextPath();
        DefaultMenuModel model = new DefaultMenuModel();
        for (ShellMenu.Group group : ShellMenu.groups(getMe().role())) {
            boolean here = section != null && section.zone() == group.zone();
            if (group.single()) {
                model.getElements().add(item(group.entries().get(0), section, detail, contextPath));
                continue;
            }
            DefaultSubMenu sub = DefaultSubMenu.builder()
                    .id("zone-" + group.zone().name().toLowerCase(Locale.ROOT))
                    .label(text(group.zone().labelKey()))
                    .styleClass(here ? SECTION : null)
                    .build();
            for (ShellMenu.Entry entry : group.entries()) {
                sub.getElements().add(item(entry, section, detail, contextPath));
            }
            model.getElements().add(sub);
        }
        return model;
    }

    private DefaultMenuItem item(ShellMenu.Entry entry, ShellMenu.Entry section, boolean detail, String contextPath) {
        String mark = entry.equals(section) ? (detail ? SECTION : CURRENT) : null;
        return DefaultMenuItem.builder()
                .id(entry.id())
                .value(text(entry.labelKey()))
                .url(contextPath + entry.outcome() + ".xhtml")
                .styleClass(mark)
                .build();
    }

    /**
     * The breadcrumbs of a detail page: my work, the zone, and the list the page was opened from (a
     * link); the page itself follows in the shell. Empty on a page of the menu.
     */
    public List<Crumb> getBreadcrumbs() {
        String view = viewId();
        if (!ShellMenu.isDetail(view)) {
            return List.of();
        }
        ShellMenu.Entry list = ShellMenu.sectionOf(view);
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(text("shell.menu.home"), "/index"));
        if (list != null) {
            crumbs.add(new Crumb(text(list.zone().labelKey()), null));
            crumbs.add(new Crumb(text(list.labelKey()), list.outcome()));
        }
        return crumbs;
    }

    /** One step of the breadcrumbs; {@code outcome} is null for a step that is no page (a zone). */
    public record Crumb(String label, String outcome) {
    }

    private String text(String key) {
        return Messages.text(session.getLocale(), key);
    }

    /**
     * The menu's links are plain addresses: an outcome made the menu ask the navigation rules for
     * every entry on every page (and each link of a table row did so for every row).
     */
    private static String contextPath() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx == null ? "" : ctx.getExternalContext().getRequestContextPath();
    }

    private static String viewId() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx == null || ctx.getViewRoot() == null ? "" : ctx.getViewRoot().getViewId();
    }
}
