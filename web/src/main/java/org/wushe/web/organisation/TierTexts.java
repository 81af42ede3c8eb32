package org.wushe.web.organisation;

import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.stream.Collectors;
import org.wushe.organisation.application.OrganisationViews.TierView;
import org.wushe.organisation.domain.Shortfall;
import org.wushe.shared.Label;
import org.wushe.web.support.Messages;

/** The sentences the organisation pages show for a tier: what holds it back and what it was read from. */
final class TierTexts {

    private TierTexts() {
    }

    static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** "差 3 次活动达到成长期；差 2 名成员达到成长期", or "已达成熟期". */
    static String holdingBack(TierView t) {
        Locale locale = locale();
        if (t.holdingBack().isEmpty()) {
            return Messages.text(locale, "organisation.page.mature");
        }
        return t.holdingBack().stream().map(s -> text(locale, s)).collect(Collectors.joining("；"));
    }

    static String text(Locale locale, Shortfall s) {
        return Messages.text(locale, s.key(), s.shownGap(), new Label("organisation.tier." + s.tier().name()));
    }

    static String inputs(TierView t) {
        Locale locale = locale();
        return Messages.text(locale, "organisation.page.inputs", t.activities(), t.members(),
                t.selfSharePercent() == null ? Messages.text(locale, "organisation.page.noShare") : t.selfSharePercent() + "%",
                t.satisfaction() == null ? Messages.text(locale, "organisation.page.noRating") : t.satisfaction(),
                t.respondents(), t.years());
    }
}
