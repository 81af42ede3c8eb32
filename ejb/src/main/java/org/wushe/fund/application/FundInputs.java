package org.wushe.fund.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.wushe.fund.domain.FileType;
import org.wushe.community.domain.Community;
import org.wushe.fund.domain.Project;
import org.wushe.fund.domain.ProjectStage;
import org.wushe.security.domain.Caller;
import org.wushe.shared.ConflictException;
import org.wushe.shared.Label;
import org.wushe.shared.ValidationException;

/**
 * The fund services' shared field checks: a project by id, an active category, a day not in the
 * future (today when left out), an uploaded receipt or photo. Each records its refusal against the
 * field and leaves throwing to the caller's {@link ValidationException.Collector}.
 */
@Dependent
public class FundInputs {

    @PersistenceContext
    EntityManager em;

    @Inject
    FundAccess access;

    @Inject
    Clock clock;

    /** The project by id; {@code error.required} or {@code fund.project.unknown} on {@code projectId}. */
    Project project(Long id, ValidationException.Collector errors) {
        Project p = id == null ? null : em.find(Project.class, id);
        if (p == null) {
            errors.add("projectId", id == null ? "error.required" : "fund.project.unknown");
        }
        return p;
    }

    /** What every booking against a project's budget names: the project, a category and an amount. */
    record Booking(Project project, String category, long amountFen) {
    }

    /**
     * The project, the active category and the positive amount of a booking (an allocation or an
     * expenditure), each refusal recorded against its field ({@code projectId}, {@code categoryCode},
     * {@code amountFen}).
     */
    Booking booking(Long projectId, String categoryCode, Long amountFen, ValidationException.Collector errors) {
        return new Booking(project(projectId, errors), category("categoryCode", categoryCode, errors),
                FundAccess.amount("amountFen", amountFen, errors));
    }

    /**
     * The community of a booking's project, in the caller's scope, after checking that the project's
     * stage takes the booking ({@code fund.allocation.stage} or {@code fund.expenditure.stage}).
     */
    Community bookingCommunity(Caller caller, Project p, boolean expenditure) {
        Community c = access.community(caller, p.getCommunityId());
        ProjectStage stage = p.getStage();
        if (expenditure ? !stage.takesExpenditures() : !stage.takesAllocations()) {
            throw new ConflictException(expenditure ? "fund.expenditure.stage" : "fund.allocation.stage",
                    "Project " + p.getId() + " is " + stage, new Label("fund.stage." + stage.name()));
        }
        return c;
    }

    /** An active spending category's code. */
    String category(String field, String code, ValidationException.Collector errors) {
        return access.category(field, code, errors);
    }

    /** The day, today when null; {@code fund.date.future} when after today. */
    LocalDate date(String field, LocalDate on, ValidationException.Collector errors) {
        LocalDate today = LocalDate.now(clock);
        if (on == null) {
            return today;
        }
        if (on.isAfter(today)) {
            errors.add(field, "fund.date.future");
        }
        return on;
    }

    /**
     * Checks an upload: present, at most 5 MB, and JPEG, PNG (or PDF where allowed) by its bytes.
     * Records {@code error.required}, {@code fund.file.tooLarge} or {@code fund.file.type}.
     */
    static FileType file(String field, FundViews.Upload upload, boolean imagesOnly, ValidationException.Collector errors) {
        if (upload == null || upload.content() == null || upload.content().length == 0) {
            errors.add(field, "error.required");
            return null;
        }
        if (upload.content().length > FileType.MAX_BYTES) {
            errors.add(field, "fund.file.tooLarge", upload.fileName() == null ? "" : upload.fileName());
            return null;
        }
        Optional<FileType> type = FileType.sniff(upload.content());
        if (type.isEmpty() || imagesOnly && !type.get().isImage()) {
            errors.add(field, imagesOnly ? "fund.file.imageType" : "fund.file.type",
                    upload.fileName() == null ? "" : upload.fileName());
            return null;
        }
        return type.get();
    }
}
