package org.wushe.web.docking;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.wushe.docking.application.MatchForm;
import org.wushe.docking.application.NeedBoard;
import org.wushe.docking.application.Matching;
import org.wushe.docking.application.NeedView;
import org.wushe.docking.application.Suggestion;
import org.wushe.security.application.AccountService;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/**
 * The match screen of a need: the resources that could meet it, best first, each with its score and
 * the reasons for it; choosing one opens the confirmation (quantity, owner, participants, due date),
 * and a confirmed match goes back to the need's page.
 */
@Named
@ViewScoped
public class MatchBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many suggestions the screen shows. */
    static final int LIMIT = 20;

    @EJB
    NeedBoard needBoard;

    @EJB
    Matching matching;

    @EJB
    AccountService accounts;

    private Long needId;
    private NeedView need;
    private List<Suggestion> suggestions = List.of();
    private List<String> owners = List.of();

    private Long resourceId;
    private String resourceName;
    private Integer quantity = 1;
    private String owner;
    private String participants;
    private String dueOn = LocalDate.now().plusDays(7).toString();

    /** Loads the need named by the {@code need} view parameter and its suggestions. */
    public void load() {
        if (need != null || needId == null) {
            return;
        }
        Actions.run("suggestions", () -> {
            need = needBoard.need(needId);
            suggestions = matching.suggest(needId, LIMIT);
            owners = matching.owners(needId);
            String me = accounts.me().username();
            owner = owners.contains(me) ? me : null;
        });
    }

    /** A click on a suggestion: it goes into the confirmation form. */
    public void choose(Suggestion s) {
        resourceId = s.resourceId();
        resourceName = s.name() + " (" + s.remaining() + "/" + s.capacity() + (s.unit() == null ? "" : " " + s.unit()) + ")";
    }

    /** Confirms the match; on success the need's page shows the new action. */
    public String confirm() {
        return Actions.call("confirm", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate due = FormInputs.optionalDate("dueOn", dueOn, errors);
            errors.throwIfAny();
            matching.match(needId, new MatchForm(resourceId, quantity, owner, FormInputs.names(participants), due));
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            FacesErrors.info("docking.matched", resourceName);
            return "/docking/need?faces-redirect=true&id=" + needId;
        });
    }

    public Long getNeedId() { return needId; }
    public void setNeedId(Long v) { needId = v; }
    public NeedView getNeed() { return need; }
    public List<Suggestion> getSuggestions() { return suggestions; }
    public List<String> getOwners() { return owners; }
    public Long getResourceId() { return resourceId; }
    public String getResourceName() { return resourceName; }
    public Integer getQuantity() { return quantity; }
    public void setQuantity(Integer v) { quantity = v; }
    public String getOwner() { return owner; }
    public void setOwner(String v) { owner = v; }
    public String getParticipants() { return participants; }
    public void setParticipants(String v) { participants = v; }
    public String getDueOn() { return dueOn; }
    public void setDueOn(String v) { dueOn = v; }
}
