package org.wushe.web.docking;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.wushe.docking.application.NeedCategories;
import org.wushe.docking.application.Reason;
import org.wushe.docking.domain.NeedCategory;
import org.wushe.docking.domain.NeedSource;
import org.wushe.web.support.Messages;

/**
 * Texts of the docking screens that come from data rather than from one fixed key: need categories
 * in the page's language, the reasons of a match (a message key with arguments) and the notes of a
 * need's history, which may be a message key or a source.
 */
@Named
@RequestScoped
public class DockingLabels {

    @EJB
    NeedCategories needCategories;

    private Map<String, NeedCategory> categories;

    private static Locale locale() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx == null || ctx.getViewRoot() == null ? Messages.DEFAULT : ctx.getViewRoot().getLocale();
    }

    private static boolean english() {
        return "en".equals(locale().getLanguage());
    }

    private Map<String, NeedCategory> byCode() {
        if (categories == null) {
            categories = new LinkedHashMap<>();
            needCategories.categories(true).forEach(c -> categories.put(c.getCode(), c));
        }
        return categories;
    }

    /** The categories in use, in the bureau's order, for the choosers. */
    public List<NeedCategory> getCategories() {
        return byCode().values().stream().filter(NeedCategory::isActive).toList();
    }

    /** A category's name in the page's language; a resource without category is "general". */
    public String category(String code) {
        if (code == null || code.isBlank()) {
            return Messages.text(locale(), "docking.category.general");
        }
        NeedCategory c = byCode().get(code);
        if (c == null) {
            return code;
        }
        return english() ? c.getNameEn() : c.getNameZh();
    }

    /** One reason of a suggestion or a match, through its message key. */
    public String reason(Reason reason) {
        return reason == null ? "" : Messages.text(locale(), reason.key(), reason.args());
    }

    /** A note of the need's history: a source, a message key, or the text as written. */
    public String note(String note) {
        if (note == null || note.isBlank()) {
            return "";
        }
        for (NeedSource s : NeedSource.values()) {
            if (s.name().equals(note)) {
                return Messages.text(locale(), "docking.source." + note);
            }
        }
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale(), Messages.class.getClassLoader());
        return note.indexOf(' ') < 0 && bundle.containsKey(note) ? bundle.getString(note) : note;
    }
}
