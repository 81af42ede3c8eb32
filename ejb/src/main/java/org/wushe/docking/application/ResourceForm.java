package org.wushe.docking.application;

import java.time.LocalDate;

/**
 * A resource for the ledger: where it sits (community, optionally a grid cell), its sphere and type,
 * the need category it serves (empty for a general resource), who provides it (an actor, a
 * resident, or a named provider), how much of it there is and when. Checked by
 * {@link ResourceService#add}.
 */
public record ResourceForm(String communityCode, String gridCode, String sphere, String type, String categoryCode,
                           String name, String description, Long providerActorId, Long providerResidentId,
                           String providerName, Integer capacity, String unit, LocalDate availableFrom,
                           LocalDate availableUntil) {
}
