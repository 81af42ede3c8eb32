package org.wushe.web.support;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wushe.community.application.CommunityPlace;
import org.wushe.community.application.GeographyService;
import org.wushe.community.application.Place;
import org.wushe.shared.WusheException;

/**
 * The community chooser of a view ({@code /WEB-INF/templates/community-chooser.xhtml}): a select
 * menu when the caller's scope holds at most {@link #SELECT_MAX} communities, else a search field
 * that asks the service for at most {@link #SUGGESTIONS} communities by code prefix or part of the
 * name. Nothing is read until a page asks; a large scope costs one count per view.
 *
 * <p>It is also the search field's converter: the value is a community's code, shown as
 * "code name (sub-district)"; a code the caller cannot choose is refused with a message.
 */
@Named
@ViewScoped
public class CommunityChooser implements Converter<String>, Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest scope that still gets a select menu. */
    public static final int SELECT_MAX = 50;

    /** The most suggestions the search field shows. */
    public static final int SUGGESTIONS = 20;

    @EJB
    GeographyService geography;

    private Long count;
    private List<Place> choices;
    /** Communities already read (suggestions, the one shown), by code: their labels need no query. */
    private final Map<String, CommunityPlace> known = new HashMap<>();

    /** How many communities the caller's scope holds. */
    public long getCount() {
        if (count == null) {
            count = geography.communityCount();
        }
        return count;
    }

    /** Whether the caller chooses among several communities. */
    public boolean isChoosing() {
        return getCount() > 1;
    }

    /** Whether the scope is too large for a select menu: the search field is shown instead. */
    public boolean isLarge() {
        return getCount() > SELECT_MAX;
    }

    /** The select menu's communities (none for a large scope, which searches instead). */
    public List<Place> getChoices() {
        if (choices == null) {
            choices = isLarge() || getCount() == 0 ? List.of() : geography.communityChoices();
        }
        return choices;
    }

    /** The code of the scope's only community, or null when there are none or several. */
    public String single() {
        return getCount() == 1 && !getChoices().isEmpty() ? getChoices().get(0).code() : null;
    }

    /** The search field's suggestions for what was typed. */
    public List<CommunityPlace> complete(String text) {
        List<CommunityPlace> found = geography.communitySearch(text, SUGGESTIONS);
        found.forEach(p -> known.put(p.code(), p));
        return found;
    }

    /**
     * A community's name, for a page's title: from the select menu's list when the scope is small,
     * else read by code; empty for an unknown code or one outside the scope (the page itself says
     * why it shows nothing).
     */
    public String name(String code) {
        Place listed = listed(code);
        if (listed != null) {
            return listed.name();
        }
        CommunityPlace p = code == null || code.isBlank() ? null : place(code);
        return p == null ? "" : p.name();
    }

    /** The code of a community's sub-district; null for an unknown code or one outside the scope. */
    public String subDistrictCode(String code) {
        Place listed = listed(code);
        if (listed != null) {
            return listed.parentCode();
        }
        CommunityPlace p = code == null || code.isBlank() ? null : place(code);
        return p == null ? null : p.subDistrictCode();
    }

    /** The community of the select menu's list with that code (a small scope), else null. */
    private Place listed(String code) {
        if (code == null || code.isBlank() || isLarge()) {
            return null;
        }
        return getChoices().stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
    }

    /** A suggestion's text, "code name (sub-district)"; also of a code (the value shown). */
    public String label(Object item) {
        CommunityPlace p = item instanceof CommunityPlace c ? c
                : item == null || item.toString().isBlank() ? null : place(item.toString());
        if (p == null) {
            return item == null ? "" : item.toString();
        }
        return p.code() + " " + p.name() + " (" + p.subDistrictName() + ")";
    }

    /** Reloads the current view with the chosen community in its address, as the show buttons do. */
    public void reload() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (ctx.isValidationFailed()) {
            return;
        }
        ctx.getApplication().getNavigationHandler().handleNavigation(ctx, null,
                ctx.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true");
    }

    private CommunityPlace place(String code) {
        String key = code.strip().toUpperCase(Locale.ROOT);
        CommunityPlace p = known.get(key);
        if (p == null) {
            try {
                p = geography.communityPlace(key);
            } catch (WusheException e) {
                return null;
            }
            known.put(p.code(), p);
        }
        return p;
    }

    /** The search field's text (a code, or what was typed) to a code the caller can choose. */
    @Override
    public String getAsObject(FacesContext ctx, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip().split("\\s+", 2)[0];
        CommunityPlace p = place(code);
        if (p == null) {
            String text = Messages.text(FacesErrors.locale(ctx), "chooser.noMatch", value.strip());
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        return p.code();
    }

    @Override
    public String getAsString(FacesContext ctx, UIComponent component, String value) {
        return value == null ? "" : value;
    }
}
