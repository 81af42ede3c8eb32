package org.wushe.organisation.domain;

import java.util.List;

/**
 * The maturity tier of a community organisation: nascent (初创期), growing (成长期), mature (成熟期).
 * An organisation is MATURE when it reaches every threshold of the mature rule, GROWING when it
 * reaches every threshold of the growing rule, NASCENT otherwise (docs/organisations.md).
 *
 * <p>Usage: {@code MaturityTier.assess(inputs, growing, mature).holdingBack()}
 */
public enum MaturityTier {
    NASCENT,
    GROWING,
    MATURE;

    /** The tier above, or null for MATURE. */
    public MaturityTier next() {
        return this == MATURE ? null : values()[ordinal() + 1];
    }

    /** The result: the tier and what keeps the organisation from the next one (empty when MATURE). */
    public record Assessment(MaturityTier tier, TierInputs inputs, List<Shortfall> holdingBack) {
    }

    /**
     * The tier of an organisation with these inputs under the city's two rules, and what holds it
     * back from the next tier.
     */
    public static Assessment assess(TierInputs in, TierRule growing, TierRule mature) {
        if (growing.tier() != GROWING || mature.tier() != MATURE) {
            throw new IllegalArgumentException("rules out of order");
        }
        if (mature.reachedBy(in) && growing.reachedBy(in)) {
            return new Assessment(MATURE, in, List.of());
        }
        if (growing.reachedBy(in)) {
            return new Assessment(GROWING, in, mature.shortfalls(in));
        }
        return new Assessment(NASCENT, in, growing.shortfalls(in));
    }
}
