package org.wushe.community.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.IdNumber;
import org.wushe.community.domain.Resident;
import org.wushe.community.domain.ResidentChange;
import org.wushe.community.domain.ResidentData;
import org.wushe.community.domain.ResidentRules;
import org.wushe.community.domain.ResidentTag;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.security.domain.ScopeKind;
import org.wushe.shared.ConflictException;
import org.wushe.shared.CsvCells;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.shared.protect.Sealed;

/**
 * Residents: list (masked, paged, filtered by the caller's scope), view one, reveal one (audited),
 * register, change (with history), export (audited). Every method checks the caller's right and
 * scope; a record outside the scope is refused with {@code NotInScopeException}.
 */
@Stateless
public class ResidentService {

    static final String RECORD_TYPE = "RESIDENT";
    static final String REVEALED_FIELDS = "idNumber,birthDate,phone,address";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

    @EJB
    AuditLog audit;

    @Inject
    GeographyRepository geography;

    @EJB
    RegistrationGuard guard;

    /**
     * One page of residents in scope, masked, ordered by name. Needs {@link Right#VIEW_RESIDENTS};
     * a city-wide caller must name a community ({@code resident.filter.communityRequired}).
     */
    public Page<ResidentView> list(ResidentFilter filter, PageRequest page) {
        Caller caller = currentCaller.get();
        caller.require(Right.VIEW_RESIDENTS);
        Query q = query(caller, filter);
        // The conditions are on the resident's own columns (Query). The page's ids come first, from the
        // resident table alone: the database walks (community_id, name, id) in order and stops after
        // the page (with the joins beside it, Derby read and sorted the whole community on every
        // page: 25,000 rows for 20). Then the page's rows with their community and grid cell.
        TypedQuery<Object[]> keys = em.createQuery(
                "select r.id, r.name from Resident r" + q.where + " order by r.name, r.id", Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(r) from Resident r" + q.where, Long.class);
        q.params.forEach((k, v) -> {
            keys.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Long> ids = keys.setFirstResult(page.first()).setMaxResults(page.size()).getResultStream()
                .map(k -> (Long) k[0]).toList();
        List<Resident> rows = byIds(ids);
        Map<Long, Set<ResidentTag>> tags = tagsOf(rows);
        LocalDate today = LocalDate.now(clock);
        List<ResidentView> views = rows.stream()
                .map(r -> ResidentView.masked(r, tags.getOrDefault(r.getId(), Set.of()), today)).toList();
        return new Page<>(views, count.getSingleResult(), page.first(), page.size());
    }

    /** One resident, masked. Needs {@link Right#VIEW_RESIDENTS} and the resident's grid cell in scope. */
    public ResidentView view(Long id) {
        Caller caller = currentCaller.get();
        caller.require(Right.VIEW_RESIDENTS);
        Resident r = load(id, caller);
        return ResidentView.masked(r, r.getTags(), LocalDate.now(clock));
    }

    /**
     * One resident's full personal data, for this view only, after a stated purpose; writes an
     * audit entry (who, when, which record and fields, purpose, client address). Needs
     * {@link Right#REVEAL_PERSONAL_DATA}; refuses a blank or too short purpose.
     */
    public ResidentView reveal(Long id, String purpose) {
        Caller caller = currentCaller.get();
        caller.require(Right.REVEAL_PERSONAL_DATA);
        String p = purpose == null ? "" : purpose.trim();
        if (p.length() < 4) {
            throw ValidationException.of("purpose", "reveal.purpose.required");
        }
        if (p.length() > 500) {
            throw ValidationException.of("purpose", "error.tooLong", 500);
        }
        Resident r = load(id, caller);
        audit.record(caller, AuditAction.REVEAL, r.getCommunity().getId(), RECORD_TYPE, r.getId(), REVEALED_FIELDS, p,
                null);
        return ResidentView.full(r, LocalDate.now(clock));
    }

    /**
     * Registers a resident. Needs {@link Right#EDIT_RESIDENTS} and the grid cell in scope. Refuses
     * bad data field by field (ID checksum, birth date and gender against the ID, phone, unknown
     * grid, grid of another community) and an ID number already registered: in the caller's scope as
     * a duplicate, outside it without saying where ({@link RegistrationGuard}).
     */
    public ResidentView register(ResidentData data) {
        Caller caller = currentCaller.get();
        caller.require(Right.EDIT_RESIDENTS);
        GridCell grid = findGrid(data.gridCode());
        IdNumber id = ResidentRules.check(data, grid, LocalDate.now(clock));
        caller.requireCovers(grid);
        guard.requireUnique(caller, id, grid, null);
        Resident r = new Resident(id, data, grid, clock.instant());
        em.persist(r);
        em.flush();
        return ResidentView.masked(r, r.getTags(), LocalDate.now(clock));
    }

    /**
     * Changes a resident and records each changed field in the history. {@code expectedVersion}
     * guards against overwriting someone else's change ({@code error.staleVersion}). Needs
     * {@link Right#EDIT_RESIDENTS} and both the old and the new grid cell in scope.
     */
    public ResidentView update(Long id, int expectedVersion, ResidentData data) {
        Caller caller = currentCaller.get();
        caller.require(Right.EDIT_RESIDENTS);
        Resident r = load(id, caller);
        if (r.getVersion() != expectedVersion) {
            throw new ConflictException("error.staleVersion", "Resident " + id + " was changed meanwhile");
        }
        GridCell grid = findGrid(data.gridCode());
        IdNumber idNumber = ResidentRules.check(data, grid, LocalDate.now(clock));
        caller.requireCovers(grid);
        if (!idNumber.value().equals(r.getIdNumber())) {
            guard.requireUnique(caller, idNumber, grid, r.getId());
        }
        for (Resident.FieldChange change : r.apply(idNumber, data, grid, clock.instant())) {
            em.persist(new ResidentChange(r.getId(), clock.instant(), caller.username(), change));
        }
        em.flush();
        return ResidentView.masked(r, r.getTags(), LocalDate.now(clock));
    }

    /**
     * Puts a resident into a household (户号), kept in the change history; the verifier rules of
     * volunteer hours use it. Same rights as {@link #update}.
     */
    public void assignHousehold(Long id, String householdCode) {
        Caller caller = currentCaller.get();
        caller.require(Right.EDIT_RESIDENTS);
        Resident r = load(id, caller);
        if (householdCode != null && householdCode.trim().length() > 30) {
            throw ValidationException.of("householdCode", "error.tooLong", 30);
        }
        for (Resident.FieldChange change : r.joinHousehold(householdCode, clock.instant())) {
            em.persist(new ResidentChange(r.getId(), clock.instant(), caller.username(), change));
        }
    }

    /** The change history of one resident, newest first, masked. Same rights as {@link #view}. */
    public List<ChangeView> history(Long id) {
        Caller caller = currentCaller.get();
        caller.require(Right.VIEW_RESIDENTS);
        load(id, caller);
        return em.createQuery("select c from ResidentChange c where c.residentId = :id "
                        + "order by c.changedAt desc, c.id desc", ResidentChange.class)
                .setParameter("id", id).setMaxResults(500)
                .getResultStream().map(ChangeView::masked).toList();
    }

    /**
     * Writes the residents in scope matching the filter as CSV (masked, UTF-8 header row, every cell
     * through {@link CsvCells}, so a name like {@code =1+1} is no formula) and logs
     * the export with its filter and row count. Needs {@link Right#EXPORT_RESIDENTS}. Reads in
     * slices by id so memory stays flat whatever the size.
     *
     * @return the number of rows written
     */
    public long export(ResidentFilter filter, Writer out) {
        Caller caller = currentCaller.get();
        caller.require(Right.EXPORT_RESIDENTS);
        Query q = query(caller, filter);
        LocalDate today = LocalDate.now(clock);
        long rows = 0;
        long lastId = -1;
        try {
            CSVPrinter csv = CSVFormat.DEFAULT.builder()
                    .setHeader("id_number", "name", "age_band", "phone", "address", "community_code",
                            "grid_code", "tags")
                    .get().print(out);
            while (true) {
                TypedQuery<Resident> slice = em.createQuery(
                        "select r from Resident r join fetch r.community join fetch r.gridCell"
                                + q.where + " and r.id > :lastId order by r.id", Resident.class);
                q.params.forEach(slice::setParameter);
                List<Resident> batch = slice.setParameter("lastId", lastId).setMaxResults(500).getResultList();
                if (batch.isEmpty()) {
                    break;
                }
                Map<Long, Set<ResidentTag>> tags = tagsOf(batch);
                for (Resident r : batch) {
                    ResidentView v = ResidentView.masked(r, tags.getOrDefault(r.getId(), Set.of()), today);
                    csv.printRecord(CsvCells.row(v.idNumber(), v.name(), v.ageBand(), v.phone(), v.address(),
                            v.communityCode(), v.gridCode(),
                            v.tags().stream().map(ResidentTag::label).sorted().collect(Collectors.joining(";"))));
                    rows++;
                }
                lastId = batch.get(batch.size() - 1).getId();
                em.clear();
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Long communityId = geography.community(filter.communityCode()).map(c -> c.getId()).orElse(null);
        audit.record(caller, AuditAction.EXPORT, communityId, RECORD_TYPE, null, "masked", null,
                "filter=" + filter + " rows=" + rows);
        return rows;
    }

    private Resident load(Long id, Caller caller) {
        Resident r = id == null ? null : em.find(Resident.class, id);
        if (r == null) {
            throw new NotFoundException("resident", id);
        }
        caller.requireCoversPerson(r.getGridCell());
        return r;
    }

    private GridCell findGrid(String code) {
        return geography.gridCell(code).orElse(null);
    }

    /** The residents of the ids with their community and grid cell, in the order of the ids. */
    private List<Resident> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Resident> byId = new HashMap<>();
        for (Resident r : em.createQuery("select r from Resident r join fetch r.community join fetch r.gridCell "
                + "where r.id in :ids", Resident.class).setParameter("ids", ids).getResultList()) {
            byId.put(r.getId(), r);
        }
        // a resident removed between the two reads is left out
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private Map<Long, Set<ResidentTag>> tagsOf(List<Resident> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = rows.stream().map(Resident::getId).toList();
        Map<Long, Set<ResidentTag>> tags = new HashMap<>();
        for (Object[] row : em.createQuery("select r.id, t from Resident r join r.tags t where r.id in :ids",
                Object[].class).setParameter("ids", ids).getResultList()) {
            tags.computeIfAbsent((Long) row[0], k -> EnumSet.noneOf(ResidentTag.class)).add((ResidentTag) row[1]);
        }
        return tags;
    }

    /**
     * The where clause of a residents query: the caller's scope and the filter's conditions, on the
     * resident's own columns (alias {@code r}; codes are looked up first), so no join is needed.
     */
    private record Query(String where, Map<String, Object> params) {
    }

    /** A condition on an id looked up from a code: none found matches no resident. */
    private static void byId(StringBuilder where, Map<String, Object> params, String column, String param,
                             Optional<Long> id) {
        if (id.isEmpty()) {
            where.append(" and 1 = 0");
            return;
        }
        where.append(" and ").append(column).append(" = :").append(param);
        params.put(param, id.get());
    }

    private Query query(Caller caller, ResidentFilter f) {
        // A city-wide list of millions of residents sorted by name is neither useful nor cheap
        // (5 s on 6,000,000 rows, see bench/): city-wide callers pick a community first.
        boolean byId = f.idNumber() != null && !f.idNumber().isBlank();
        if (caller.scopeKind() == ScopeKind.CITY && !byId
                && (f.communityCode() == null || f.communityCode().isBlank())) {
            throw ValidationException.of("community", "resident.filter.communityRequired");
        }
        ScopeClause scope = ScopeClause.of(caller, "r.community", "r.gridCell");
        StringBuilder where = new StringBuilder(" where ").append(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (f.communityCode() != null && !f.communityCode().isBlank()) {
            byId(where, params, "r.community.id", "community",
                    geography.community(f.communityCode().trim().toUpperCase()).map(c -> c.getId()));
        }
        if (f.gridCode() != null && !f.gridCode().isBlank()) {
            byId(where, params, "r.gridCell.id", "grid",
                    geography.gridCell(f.gridCode().trim().toUpperCase()).map(GridCell::getId));
        }
        if (f.tag() != null) {
            where.append(" and :tag member of r.tags");
            params.put("tag", f.tag());
        }
        if (byId) {
            // exact, through the keyed hash: the stored number is encrypted
            where.append(" and r.idNumberHash = :idHash");
            params.put("idHash", Sealed.hash(IdNumber.normalized(f.idNumber())));
        }
        if (f.name() != null && !f.name().isBlank()) {
            where.append(" and r.name like :name");
            params.put("name", f.name().trim().replace("%", "").replace("_", "") + "%");
        }
        return new Query(where.toString(), params);
    }
}
