package org.wushe.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.security.application.AdminChangeView;
import org.wushe.security.application.AdminChanges;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * The administrator changes waiting for a second security administrator, on the accounts page:
 * confirm, or decline with a reason; and the latest decisions.
 */
@Named
@ViewScoped
public class AdminChangesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "changes";

    @EJB
    AdminChanges changes;

    private List<AdminChangeView> pending = List.of();
    private List<AdminChangeView> recent = List.of();
    private final Map<Long, String> reasons = new HashMap<>();

    @PostConstruct
    void init() {
        refresh();
    }

    public void refresh() {
        Actions.run(FORM, () -> {
            pending = changes.pending();
            recent = changes.recentlyDecided();
        });
    }

    public void confirm(Long id) {
        if (Actions.run(FORM, () -> changes.confirm(id))) {
            FacesErrors.info("accounts.done.confirmed", id);
        }
        refresh();
    }

    public void decline(Long id) {
        if (Actions.run(FORM, () -> changes.decline(id, reasons.get(id)))) {
            FacesErrors.info("accounts.done.declined", id);
            reasons.remove(id);
        }
        refresh();
    }

    public List<AdminChangeView> getPending() { return pending; }
    public List<AdminChangeView> getRecent() { return recent; }
    public Map<Long, String> getReasons() { return reasons; }
}
