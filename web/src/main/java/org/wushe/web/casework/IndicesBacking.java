package org.wushe.web.casework;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.wushe.casework.application.IndexService;
import org.wushe.casework.domain.CoordinationIndex;
import org.wushe.shared.ValidationException;
import org.wushe.web.security.SessionBacking;
import org.wushe.web.support.CommunityPage;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FormInputs;

/**
 * The two coordination indices (docs/indices.md) of every grid worker and social worker of a
 * community for a period (this month by default), with the parts each is made of.
 */
@Named
@ViewScoped
public class IndicesBacking extends CommunityPage {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionBacking sessionBacking;

    @EJB
    IndexService indices;

    private String from;
    private String to;
    private List<IndexService.WorkerIndex> workers = List.of();

    /** A refusal while loading is shown in the reader's language, which the view gets only at rendering. */
    @Override
    public void load() {
        FacesContext.getCurrentInstance().getViewRoot().setLocale(sessionBacking.getLocale());
        super.load();
    }

    @Override
    protected void refresh() {
        if (!Actions.run("period", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate today = LocalDate.now();
            LocalDate f = from == null || from.isBlank() ? today.withDayOfMonth(1) : FormInputs.optionalDate("from", from, errors);
            LocalDate t = to == null || to.isBlank() ? today : FormInputs.optionalDate("to", to, errors);
            errors.throwIfAny();
            from = f.toString();
            to = t.toString();
            workers = indices.community(community, f, t);
        })) {
            workers = List.of();
        }
    }

    /** The share of a part as a percentage, or a dash when there was nothing to measure. */
    public String percent(CoordinationIndex.Component c) {
        return c.share() == null ? "—" : Math.round(c.share() * 100) + "%";
    }

    public String getFrom() { return from; }
    public void setFrom(String v) { from = v; }
    public String getTo() { return to; }
    public void setTo(String v) { to = v; }
    public List<IndexService.WorkerIndex> getWorkers() { return workers; }
}
