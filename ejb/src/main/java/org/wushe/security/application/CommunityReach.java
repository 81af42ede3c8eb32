package org.wushe.security.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wushe.community.domain.Community;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.security.domain.Caller;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.NotInScopeException;
import org.wushe.shared.ValidationException;

/**
 * The one way a service finds the community a caller names and checks it against a named scope rule
 * of {@link Caller}: {@link Caller#coversAsStaff} or {@link Caller#coversAsResident}. A code is
 * required ({@code geo.community.required} on {@code communityCode}), stripped and upper-cased; an
 * unknown code or id is {@link NotFoundException}; a community out of reach is
 * {@link NotInScopeException} naming it.
 */
@Dependent
public class CommunityReach {

    @Inject
    GeographyRepository geography;

    @PersistenceContext
    EntityManager em;

    /** The community by code, inside the caller's staff scope. */
    public Community asStaff(Caller caller, String code) {
        Community c = byCode(code);
        caller.requireCoversAsStaff(c);
        return c;
    }

    /** The community by id, inside the caller's staff scope. */
    public Community asStaff(Caller caller, Long id) {
        Community c = byId(id);
        caller.requireCoversAsStaff(c);
        return c;
    }

    /** The community by code, inside the caller's staff scope or a resident's own. */
    public Community asResident(Caller caller, String code) {
        Community c = byCode(code);
        caller.requireCoversAsResident(c);
        return c;
    }

    /** The community by id, inside the caller's staff scope or a resident's own. */
    public Community asResident(Caller caller, Long id) {
        Community c = byId(id);
        caller.requireCoversAsResident(c);
        return c;
    }

    private Community byCode(String code) {
        if (code == null || code.isBlank()) {
            throw ValidationException.of("communityCode", "geo.community.required");
        }
        return geography.community(code.strip().toUpperCase())
                .orElseThrow(() -> new NotFoundException("community", code));
    }

    private Community byId(Long id) {
        Community c = id == null ? null : em.find(Community.class, id);
        if (c == null) {
            throw new NotFoundException("community", id);
        }
        return c;
    }
}
