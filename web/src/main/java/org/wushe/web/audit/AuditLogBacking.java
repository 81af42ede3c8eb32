package org.wushe.web.audit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.wushe.audit.application.AuditArchive;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.application.AuditQuery;
import org.wushe.audit.application.AuditVerification;
import org.wushe.audit.domain.AuditAction;
import org.wushe.audit.domain.AuditEntry;
import org.wushe.audit.domain.AuditOutcome;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.PageModel;

/**
 * The audit log for the audit administrator: filters by actor, action, outcome and dates, newest
 * first; the verification of the hash chain (intact up to entry N, or the first broken link); the
 * archive export of a period (CSV with the hashes).
 */
@Named
@ViewScoped
public class AuditLogBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AuditLog audit;

    @EJB
    AuditVerification verification;

    @EJB
    AuditArchive archive;

    private String actor;
    private String action;
    private String outcome;
    private String from;
    private String to;
    private String archiveFrom;
    private String archiveTo;
    private AuditVerification.Report report;
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
                null, null, f, t, outcome == null || outcome.isBlank() ? null : AuditOutcome.valueOf(outcome));
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

    /** Walks the chain; the answer shows beside the button. */
    public void verify() {
        Actions.run("audit", () -> report = verification.verify());
    }

    /** The period's archive as a CSV download (the file is deleted once sent). */
    public StreamedContent download() {
        return Actions.call("audit", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate f = date("archiveFrom", archiveFrom, errors);
            LocalDate t = date("archiveTo", archiveTo, errors);
            errors.throwIfAny();
            AuditArchive.ArchiveFile file = archive.archive(f, t);
            return DefaultStreamedContent.builder().name(file.fileName()).contentType("text/csv; charset=UTF-8")
                    .stream(() -> {
                        try {
                            return Files.newInputStream(file.path(), StandardOpenOption.DELETE_ON_CLOSE);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).build();
        });
    }

    /** The first day the retention keeps (older entries may be removed by the owner's command). */
    public LocalDate getKeptFrom() {
        return archive.keptFrom();
    }

    public int getRetentionDays() {
        return archive.retentionDays();
    }

    public AuditVerification.Report getReport() {
        return report;
    }

    public List<AuditAction> getActions() {
        return List.of(AuditAction.values());
    }

    public List<AuditOutcome> getOutcomes() {
        return List.of(AuditOutcome.values());
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

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
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

    public String getArchiveFrom() {
        return archiveFrom;
    }

    public void setArchiveFrom(String archiveFrom) {
        this.archiveFrom = archiveFrom;
    }

    public String getArchiveTo() {
        return archiveTo;
    }

    public void setArchiveTo(String archiveTo) {
        this.archiveTo = archiveTo;
    }
}
