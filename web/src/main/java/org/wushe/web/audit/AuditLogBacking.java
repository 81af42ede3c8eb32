package org.wushe.web.audit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.PageModel;

/** The audit log for the bureau administrator: filters by actor, action and dates; newest first. */
@Named
@ViewScoped
public class AuditLogBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AuditLog audit;

    private String actor;
    private String action;
    private String from;
    private String to;
    private PageModel<AuditEntry> model;

    @PostConstruct
    void init() {
        AuditLog service = audit;
        model = new PageModel<>(r -> service.search(query(), r), AuditEntry::getId, "audit");
    }

    AuditQuery query() {
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate f = date("from", from, errors);
        LocalDate t = date("to", to, errors);
        errors.throwIfAny();
        return new AuditQuery(actor, action == null || action.isBlank() ? null : AuditAction.valueOf(action),
                null, null, f, t);
    }

    private static LocalDate date(String field, String text, ValidationException.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "error.dateFormat");
            return null;
        }
    }

    public List<AuditAction> getActions() {
        return List.of(AuditAction.values());
    }

    public PageModel<AuditEntry> getModel() {
        return model;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
