package org.wushe.community.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.security.application.CurrentCaller;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The city's geography: sub-districts, communities and grid cells. Everyone signed in reads what
 * lies in their scope; only the bureau administrator ({@link Right#ADMINISTER_GEOGRAPHY}) creates
 * and renames. Codes are unique and refused twice with a clear message.
 */
@Stateless
public class GeographyService {

    /** The most communities one search returns. */
    public static final int SEARCH_MAX = 50;

    @EJB
    AuditLog audit;

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    GeographyRepository repository;

    /** The sub-districts whose communities the caller can see, by code, with their community counts. */
    public List<SubDistrictView> subDistricts() {
        Caller caller = currentCaller.get();
        ScopeClause scope = ScopeClause.of(caller, "c", null);
        TypedQuery<Object[]> q = em.createQuery("select s.id, s.code, s.name, count(c) from SubDistrict s "
                + "left join Community c on c.subDistrict = s where " + scope.jpql() + " group by s.id, s.code, s.name order by s.code", Object[].class);
        scope.params().forEach(q::setParameter);
        return q.getResultStream()
                .map(r -> new SubDistrictView((Long) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue()))
                .toList();
    }

    /**
     * One page of the communities in the caller's scope, by code, optionally of one sub-district,
     * with counts of grid cells and residents.
     */
    public Page<CommunityView> communities(String subDistrictCode, PageRequest page) {
        Caller caller = currentCaller.get();
        ScopeClause scope = ScopeClause.of(caller, "c", null);
        String where = " where " + scope.jpql();
        Map<String, Object> params = new HashMap<>(scope.params());
        if (subDistrictCode != null && !subDistrictCode.isBlank()) {
            where += " and c.subDistrict.code = :sd";
            params.put("sd", subDistrictCode.trim().toUpperCase());
        }
        TypedQuery<Community> list = em.createQuery(
                "select c from Community c join fetch c.subDistrict" + where + " order by c.code", Community.class);
        TypedQuery<Long> count = em.createQuery("select count(c) from Community c" + where, Long.class);
        params.forEach((k, v) -> {
            list.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Community> rows = list.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        Map<Long, Long> grids = countBy("select g.community.id, count(g) from GridCell g where g.community.id in :ids "
                + "group by g.community.id", rows);
        Map<Long, Long> residents = countBy("select r.community.id, count(r) from Resident r where r.community.id in :ids "
                + "group by r.community.id", rows);
        return new Page<>(rows.stream().map(c -> new CommunityView(c.getId(), c.getCode(), c.getName(),
                c.getSubDistrict().getCode(), c.getSubDistrict().getName(), grids.getOrDefault(c.getId(), 0L),
                residents.getOrDefault(c.getId(), 0L))).toList(), count.getSingleResult(), page.first(), page.size());
    }

    /** One community by code. @throws org.wushe.shared.NotInScopeException outside the scope */
    public CommunityView community(String code) {
        Caller caller = currentCaller.get();
        Community c = findCommunity(code);
        caller.requireCovers(c);
        Map<Long, Long> grids = countBy("select g.community.id, count(g) from GridCell g where g.community.id in :ids "
                + "group by g.community.id", List.of(c));
        Map<Long, Long> residents = countBy("select r.community.id, count(r) from Resident r where r.community.id in :ids "
                + "group by r.community.id", List.of(c));
        return new CommunityView(c.getId(), c.getCode(), c.getName(), c.getSubDistrict().getCode(),
                c.getSubDistrict().getName(), grids.getOrDefault(c.getId(), 0L), residents.getOrDefault(c.getId(), 0L));
    }

    /**
     * The caller's own community (a resident's, or a community staff member's), by code and name
     * only; empty for city-wide and sub-district roles.
     */
    public java.util.Optional<CommunityView> ownCommunity() {
        Caller caller = currentCaller.get();
        if (caller.communityId() == null) {
            return java.util.Optional.empty();
        }
        Community c = em.find(Community.class, caller.communityId());
        return java.util.Optional.of(new CommunityView(c.getId(), c.getCode(), c.getName(),
                c.getSubDistrict().getCode(), c.getSubDistrict().getName(), 0, 0));
    }

    /**
     * The communities the caller can choose among on the pages that work on one community, by code,
     * at most {@link PageRequest#MAX_SIZE}: codes and names only (the counts of {@link #communities}
     * are for the lists that show them).
     */
    public List<Place> communityChoices() {
        Caller caller = currentCaller.get();
        ScopeClause scope = ScopeClause.of(caller, "c", null);
        TypedQuery<Place> q = em.createQuery("select new org.wushe.community.application.Place(c.code, c.name, c.subDistrict.code) "
                + "from Community c where " + scope.jpql() + " order by c.code", Place.class);
        scope.params().forEach(q::setParameter);
        return q.setMaxResults(PageRequest.MAX_SIZE).getResultList();
    }

    /** How many communities the caller's scope holds (a count only, for choosing a chooser). */
    public long communityCount() {
        Caller caller = currentCaller.get();
        ScopeClause scope = ScopeClause.of(caller, "c", null);
        TypedQuery<Long> q = em.createQuery("select count(c) from Community c where " + scope.jpql(), Long.class);
        scope.params().forEach(q::setParameter);
        return q.getSingleResult();
    }

    /**
     * The communities of the caller's scope whose code starts with {@code text} or whose name
     * contains it (case-insensitive; {@code %} and {@code _} match themselves), by code, at most
     * {@code max} (capped at {@link #SEARCH_MAX}); a blank text gives the first {@code max} by code.
     */
    public List<CommunityPlace> communitySearch(String text, int max) {
        Caller caller = currentCaller.get();
        ScopeClause scope = ScopeClause.of(caller, "c", null);
        String where = scope.jpql();
        Map<String, Object> params = new HashMap<>(scope.params());
        String t = text == null ? "" : text.strip();
        if (!t.isEmpty()) {
            String like = escapeLike(t.toUpperCase(java.util.Locale.ROOT));
            where += " and (c.code like :prefix escape '!' or upper(c.name) like :part escape '!')";
            params.put("prefix", like + "%");
            params.put("part", "%" + like + "%");
        }
        TypedQuery<CommunityPlace> q = em.createQuery("select new org.wushe.community.application.CommunityPlace("
                + "c.code, c.name, s.code, s.name) from Community c join c.subDistrict s where " + where
                + " order by c.code", CommunityPlace.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(Math.max(1, Math.min(max, SEARCH_MAX))).getResultList();
    }

    /**
     * One community's code, name and sub-district, for a page's title.
     * @throws NotFoundException for an unknown code
     * @throws org.wushe.shared.NotInScopeException outside the caller's scope
     */
    public CommunityPlace communityPlace(String code) {
        Caller caller = currentCaller.get();
        Community c = findCommunity(code);
        caller.requireCovers(c);
        return new CommunityPlace(c.getCode(), c.getName(), c.getSubDistrict().getCode(), c.getSubDistrict().getName());
    }

    /** A LIKE pattern's text with its wildcards and the escape character ({@code !}) taken literally. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * The grid cells of one community that the caller can see (a grid worker: their own cells), by
     * code, for a pick list: codes and names only.
     * @throws org.wushe.shared.NotInScopeException when the community is outside the scope
     */
    public List<Place> gridCellChoices(String communityCode) {
        Caller caller = currentCaller.get();
        Community c = findCommunity(communityCode);
        caller.requireCovers(c);
        return em.createQuery("select g from GridCell g where g.community = :c order by g.code", GridCell.class)
                .setParameter("c", c).getResultStream().filter(caller::covers)
                .map(g -> new Place(g.getCode(), g.getName(), c.getCode())).toList();
    }

    /** The grid cells of one community that the caller can see (a grid worker: their own cells). */
    public List<GridCellView> gridCells(String communityCode) {
        Caller caller = currentCaller.get();
        Community c = findCommunity(communityCode);
        caller.requireCovers(c);
        List<GridCell> cells = em.createQuery("select g from GridCell g where g.community = :c order by g.code",
                GridCell.class).setParameter("c", c).getResultList();
        Map<Long, Long> residents = new HashMap<>();
        for (Object[] r : em.createQuery("select r.gridCell.id, count(r) from Resident r where r.community = :c "
                + "group by r.gridCell.id", Object[].class).setParameter("c", c).getResultList()) {
            residents.put((Long) r[0], ((Number) r[1]).longValue());
        }
        return cells.stream().filter(caller::covers)
                .map(g -> new GridCellView(g.getId(), g.getCode(), g.getName(), c.getCode(),
                        residents.getOrDefault(g.getId(), 0L))).toList();
    }

    /** Creates a sub-district. Bureau administrator only; refuses a duplicate code. */
    public SubDistrictView createSubDistrict(String code, String name) {
        Caller caller = currentCaller.require(Right.ADMINISTER_GEOGRAPHY);
        SubDistrict s = new SubDistrict(code, name);
        requireFree("select count(s) from SubDistrict s where s.code = :c", s.getCode());
        em.persist(s);
        em.flush();
        changed(caller, null, "sub_district", s.getId(), "created " + s.getCode() + " " + s.getName());
        return new SubDistrictView(s.getId(), s.getCode(), s.getName(), 0);
    }

    /** Renames a sub-district. Bureau administrator only. */
    public void renameSubDistrict(String code, String name) {
        Caller caller = currentCaller.require(Right.ADMINISTER_GEOGRAPHY);
        SubDistrict s = findSubDistrict(code);
        String before = s.getName();
        s.rename(name);
        changed(caller, null, "sub_district", s.getId(), "renamed " + s.getCode() + ": " + before + " -> " + s.getName());
    }

    /** Creates a community in a sub-district. Bureau administrator only; refuses a duplicate code. */
    public CommunityView createCommunity(String code, String name, String subDistrictCode) {
        Caller caller = currentCaller.require(Right.ADMINISTER_GEOGRAPHY);
        SubDistrict s = findSubDistrictForField(subDistrictCode);
        Community c = new Community(code, name, s);
        requireFree("select count(c) from Community c where c.code = :c", c.getCode());
        em.persist(c);
        em.flush();
        changed(caller, c.getId(), "community", c.getId(),
                "created " + c.getCode() + " " + c.getName() + " in " + s.getCode());
        return new CommunityView(c.getId(), c.getCode(), c.getName(), s.getCode(), s.getName(), 0, 0);
    }

    /** Renames a community and/or moves it to another sub-district. Bureau administrator only. */
    public void updateCommunity(String code, String name, String subDistrictCode) {
        Caller caller = currentCaller.require(Right.ADMINISTER_GEOGRAPHY);
        Community c = findCommunity(code);
        String before = c.getName() + " in " + c.getSubDistrict().getCode();
        c.rename(name);
        if (subDistrictCode != null && !subDistrictCode.isBlank()) {
            c.moveTo(findSubDistrictForField(subDistrictCode));
        }
        changed(caller, c.getId(), "community", c.getId(), "changed " + c.getCode() + ": " + before + " -> "
                + c.getName() + " in " + c.getSubDistrict().getCode());
    }

    /**
     * Creates a grid cell; its code must start with the community's code ({@code C001-G06}).
     * Bureau administrator only; refuses a duplicate code.
     */
    public GridCellView createGridCell(String code, String name, String communityCode) {
        Caller caller = currentCaller.require(Right.ADMINISTER_GEOGRAPHY);
        Community c = findCommunity(communityCode);
        GridCell g = new GridCell(code, name, c);
        requireFree("select count(g) from GridCell g where g.code = :c", g.getCode());
        em.persist(g);
        em.flush();
        changed(caller, c.getId(), "grid_cell", g.getId(), "created " + g.getCode() + " " + g.getName());
        return new GridCellView(g.getId(), g.getCode(), g.getName(), c.getCode(), 0);
    }

    /** Renames a grid cell. Bureau administrator only. */
    public void renameGridCell(String code, String name) {
        Caller caller = currentCaller.require(Right.ADMINISTER_GEOGRAPHY);
        GridCell g = repository.gridCell(code).orElseThrow(() -> new NotFoundException("gridCell", code));
        String before = g.getName();
        g.rename(name);
        changed(caller, g.getCommunity().getId(), "grid_cell", g.getId(),
                "renamed " + g.getCode() + ": " + before + " -> " + g.getName());
    }

    /** The audit entry of a change to the geography, in the change's transaction. */
    private void changed(Caller caller, Long communityId, String recordType, Long recordId, String detail) {
        audit.record(caller, AuditAction.GEOGRAPHY_CHANGED, communityId, recordType, recordId, null, null, detail);
    }

    private Community findCommunity(String code) {
        return repository.community(code).orElseThrow(() -> new NotFoundException("community", code));
    }

    private SubDistrict findSubDistrict(String code) {
        return repository.subDistrict(code).orElseThrow(() -> new NotFoundException("subDistrict", code));
    }

    private SubDistrict findSubDistrictForField(String code) {
        return repository.subDistrict(code).orElseThrow(
                () -> ValidationException.of("subDistrictCode", "geo.subDistrict.unknown", String.valueOf(code)));
    }

    private void requireFree(String jpql, String code) {
        if (em.createQuery(jpql, Long.class).setParameter("c", code).getSingleResult() > 0) {
            throw ValidationException.of("code", "geo.code.duplicate", code);
        }
    }

    private Map<Long, Long> countBy(String jpql, List<Community> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] r : em.createQuery(jpql, Object[].class)
                .setParameter("ids", rows.stream().map(Community::getId).toList()).getResultList()) {
            counts.put((Long) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }
}
