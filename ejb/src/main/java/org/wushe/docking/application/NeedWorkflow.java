package org.wushe.docking.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.Resident;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.docking.domain.ActionStatus;
import org.wushe.docking.domain.ActionTally;
import org.wushe.docking.domain.DockingAction;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.NeedCategory;
import org.wushe.docking.domain.NeedEvent;
import org.wushe.docking.domain.NeedSource;
import org.wushe.docking.domain.Resource;
import org.wushe.docking.domain.Urgency;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotPermittedException;
import org.wushe.shared.ValidationException;

/**
 * The needs loop: a need is registered, assessed, worked on in docking actions (matched in
 * {@link Matching}), given feedback and closed with the resident's rating, or reopened. Every step
 * checks the caller's right and scope here, lets the {@link Need} move itself and stores the
 * {@link NeedEvent} it returns; a move the loop does not allow is refused ({@code need.transition}).
 */
@Stateless
public class NeedWorkflow {

    @PersistenceContext
    EntityManager em;

    @Inject
    DockingAccess access;

    @Inject
    GeographyRepository geography;

    @Inject
    Clock clock;

    /**
     * Registers a need. Staff with {@link Right#REGISTER_NEEDS} name the grid cell (in their scope)
     * and optionally a resident of that community whom they reach ({@link Caller#coversPerson}: a
     * grid worker, only residents of their own cells, {@code person.notInYourCells}); a resident registers a request for themself, in
     * their own grid cell. Bad input is refused field by field.
     */
    public Need register(NeedForm form) {
        Caller caller = access.caller();
        ValidationException.Collector errors = new ValidationException.Collector();
        String category = DockingAccess.text("categoryCode", form.categoryCode(), 30, true, errors);
        if (category != null) {
            category = category.toUpperCase();
            NeedCategory c = em.find(NeedCategory.class, category);
            if (c == null || !c.isActive()) {
                errors.add("categoryCode", "category.unknown", form.categoryCode());
            }
        }
        Urgency urgency = DockingAccess.choice("urgency", Urgency.class, form.urgency(), Urgency.NORMAL, errors);
        String title = DockingAccess.text("title", form.title(), 100, true, errors);
        String description = DockingAccess.text("description", form.description(), 2000, false, errors);
        GridCell grid;
        Long residentId;
        NeedSource source;
        if (caller.has(Right.REGISTER_NEEDS)) {
            source = DockingAccess.choice("source", NeedSource.class, form.source(), null, errors);
            String gridCode = DockingAccess.text("gridCode", form.gridCode(), 30, true, errors);
            grid = gridCode == null ? null : geography.gridCell(gridCode.toUpperCase()).orElse(null);
            if (gridCode != null && grid == null) {
                errors.add("gridCode", "geo.grid.unknown", gridCode);
            }
            residentId = form.residentId();
            if (residentId != null) {
                Resident r = em.find(Resident.class, residentId);
                if (r == null || grid != null && !r.getCommunity().getId().equals(grid.getCommunity().getId())) {
                    errors.add("residentId", "need.resident.notInCommunity");
                } else if (!caller.coversPerson(r.getGridCell())) {
                    errors.add("residentId", "person.notInYourCells");
                }
            }
            errors.throwIfAny();
            caller.requireCovers(grid);
        } else if (caller.has(Right.SELF_SERVICE) && caller.residentId() != null) {
            errors.throwIfAny();
            Resident self = em.find(Resident.class, caller.residentId());
            if (self == null) {
                throw new NotFoundException("resident", caller.residentId());
            }
            grid = self.getGridCell();
            residentId = self.getId();
            source = NeedSource.RESIDENT_REQUEST;
        } else {
            throw new NotPermittedException(Right.REGISTER_NEEDS.name());
        }
        Instant now = clock.instant();
        Need need = new Need(grid, residentId, category, urgency, source, title, description, now, caller.username());
        em.persist(need);
        em.flush();
        em.persist(need.registration());
        return need;
    }

    /** Records the needs assessment: findings, priority 1 (highest) to 5, and the urgency as assessed. */
    public Need assess(Long needId, String findings, Integer priority, String urgency) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Need n = access.need(caller, needId);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = DockingAccess.text("findings", findings, 2000, true, errors);
        if (priority == null) {
            errors.add("priority", "error.required");
        } else if (priority < 1 || priority > 5) {
            errors.add("priority", "need.priority.range");
        }
        Urgency u = DockingAccess.choice("urgency", Urgency.class, urgency, n.getUrgency(), errors);
        errors.throwIfAny();
        em.persist(n.assess(text, priority, u, clock.instant(), caller.username()));
        return n;
    }

    /** Starts a planned action; the need goes into action with its first started action. */
    public DockingAction startAction(Long actionId) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        DockingAction a = action(actionId);
        Need n = access.need(caller, a.getNeedId());
        Instant now = clock.instant();
        a.start(now);
        n.actionStarted("#" + a.getId(), now, caller.username()).ifPresent(em::persist);
        em.flush();
        return a;
    }

    /**
     * Ends an action, done or cancelled, and releases its reserved capacity. When the last active
     * action of a need is cancelled and none was done, the need goes back to assessed, to be matched
     * again.
     */
    public DockingAction finishAction(Long actionId, boolean done, String outcome) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        DockingAction a = action(actionId);
        Need n = access.need(caller, a.getNeedId());
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = DockingAccess.text("outcome", outcome, 1000, true, errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        ActionStatus end = done ? ActionStatus.DONE : ActionStatus.CANCELLED;
        a.finish(end, text, now);
        Resource r = em.find(Resource.class, a.getResourceId(), LockModeType.PESSIMISTIC_WRITE);
        r.release(a.getQuantity());
        em.flush();
        n.actionsEnded(tally(n.getId()), now, caller.username()).ifPresent(em::persist);
        return a;
    }

    /** Records the feedback once every action has ended and at least one was done. */
    public Need feedback(Long needId, String feedback) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Need n = access.need(caller, needId);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = DockingAccess.text("feedback", feedback, 2000, true, errors);
        errors.throwIfAny();
        em.persist(n.recordFeedback(text, tally(needId), clock.instant(), caller.username()));
        return n;
    }

    /**
     * Closes the need with the satisfaction score (1 to 5) and comment of the resident or their
     * representative ({@code ratedBy}). Staff record it; the resident the need concerns may rate it
     * themself.
     */
    public Need close(Long needId, Integer satisfaction, String comment, String ratedBy) {
        Caller caller = access.caller();
        Need n = em.find(Need.class, needId);
        if (n == null) {
            throw new NotFoundException("need", needId);
        }
        boolean own = caller.residentId() != null && caller.residentId().equals(n.getResidentId());
        if (!own) {
            caller.require(Right.HANDLE_NEEDS);
            caller.requireCovers(n.getGridCell());
        }
        ValidationException.Collector errors = new ValidationException.Collector();
        if (satisfaction == null) {
            errors.add("satisfaction", "error.required");
        } else if (satisfaction < 1 || satisfaction > 5) {
            errors.add("satisfaction", "need.satisfaction.range");
        }
        String text = DockingAccess.text("comment", comment, 1000, true, errors);
        String rater = own ? caller.displayName() : DockingAccess.text("ratedBy", ratedBy, 50, true, errors);
        errors.throwIfAny();
        NeedEvent event = n.close(satisfaction, text, rater, clock.instant(), caller.username());
        em.flush();
        em.persist(event);
        return n;
    }

    /** Reopens a need after feedback or closure, with the reason; it is then assessed again. */
    public Need reopen(Long needId, String reason) {
        Caller caller = access.caller(Right.HANDLE_NEEDS);
        Need n = access.need(caller, needId);
        ValidationException.Collector errors = new ValidationException.Collector();
        String text = DockingAccess.text("reason", reason, 1000, true, errors);
        errors.throwIfAny();
        em.persist(n.reopen(text, clock.instant(), caller.username()));
        return n;
    }

    private DockingAction action(Long id) {
        DockingAction a = id == null ? null : em.find(DockingAction.class, id);
        if (a == null) {
            throw new NotFoundException("action", id);
        }
        return a;
    }

    private ActionTally tally(Long needId) {
        Map<ActionStatus, Long> out = new HashMap<>();
        for (Object[] r : em.createQuery("select a.status, count(a) from DockingAction a where a.needId = :n "
                + "group by a.status", Object[].class).setParameter("n", needId).getResultList()) {
            out.put((ActionStatus) r[0], ((Number) r[1]).longValue());
        }
        return ActionTally.of(out);
    }
}
