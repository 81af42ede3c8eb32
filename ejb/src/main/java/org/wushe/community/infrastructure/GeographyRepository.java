package org.wushe.community.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.SubDistrict;

/**
 * Sub-districts, communities and grid cells by their codes, the way every feature names them
 * ({@code SD01}, {@code C001}, {@code C001-G03}); codes are trimmed and upper-cased first.
 * Each find returns empty for a blank or unknown code: the caller decides what that refusal is.
 */
@ApplicationScoped
public class GeographyRepository {

    @PersistenceContext
    EntityManager em;

    public Optional<SubDistrict> subDistrict(String code) {
        return find("select s from SubDistrict s where s.code = :c", SubDistrict.class, code);
    }

    /** The community with its sub-district loaded. */
    public Optional<Community> community(String code) {
        return find("select c from Community c join fetch c.subDistrict where c.code = :c", Community.class, code);
    }

    /** The grid cell with its community loaded. */
    public Optional<GridCell> gridCell(String code) {
        return find("select g from GridCell g join fetch g.community where g.code = :c", GridCell.class, code);
    }

    private <T> Optional<T> find(String jpql, Class<T> type, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery(jpql, type).setParameter("c", code.trim().toUpperCase())
                .getResultStream().findFirst();
    }
}
