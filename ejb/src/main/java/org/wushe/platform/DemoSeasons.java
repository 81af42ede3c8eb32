package org.wushe.platform;

import java.time.LocalDate;
import java.util.Random;

/**
 * How busy a month of the demo city's past year was, for {@link DemoHistory}: a community's year
 * improves from its oldest month to its latest (needs closed sooner and rated better, wider
 * participation, fewer inspections), with the Spring Festival (January, February: fewer needs
 * registered, slower closure, fewer activities) and the summer heat (July, August: more needs,
 * slower closure, fewer activities) as dips. Pure: the counts come from the month, its place in
 * the year, the community and the seeded random source.
 */
final class DemoSeasons {

    /** Needs registered in an ordinary month, per community (C001 is the busiest). */
    private static final int[] BASE_NEEDS = {12, 9, 8, 7};

    /**
     * A month's plan.
     *
     * @param needs       needs registered in the month
     * @param activities  activities held
     * @param inspections inspections received
     * @param attendees   residents at each activity
     * @param reach       how many residents of the pool activities draw from (wider: better rotation)
     * @param closureDays mean days from registration to closure
     * @param meanScore   mean satisfaction rating (1-5)
     */
    record Month(int needs, int activities, int inspections, int attendees, int reach, double closureDays,
                 double meanScore) {

        /** A rating around the month's mean, 1 to 5. */
        int satisfaction(Random rnd) {
            long score = Math.round(meanScore + rnd.nextGaussian() * 0.7);
            return (int) Math.max(1, Math.min(5, score));
        }
    }

    private DemoSeasons() {
    }

    /**
     * @param month     the month's first day
     * @param i         its place in the year of history, 0 (oldest) to 11 (latest)
     * @param community the community's place in the demo city (0 = C001)
     */
    static Month of(LocalDate month, int i, int community, Random rnd) {
        double p = i / (double) (DemoHistory.MONTHS - 1);
        int moy = month.getMonthValue();
        boolean festival = moy == 1 || moy == 2;
        boolean summer = moy == 7 || moy == 8;
        double load = festival ? 0.7 : summer ? 1.25 : 1.0;
        int base = BASE_NEEDS[Math.min(community, BASE_NEEDS.length - 1)];
        int needs = Math.max(2, (int) Math.round(base * load * (0.85 + 0.3 * rnd.nextDouble())));
        double closureDays = 16 - 10 * p + (festival ? 5 : summer ? 3 : 0);
        int activities = Math.max(1, (int) Math.round(1 + 2 * p + (community == 0 ? 1 : 0) - (festival || summer ? 1 : 0)));
        int inspections = (int) Math.round((3.5 - 2.5 * p) * (0.7 + 0.6 * rnd.nextDouble()));
        int attendees = 8 + rnd.nextInt(6);
        int reach = 15 + (int) Math.round(105 * p);
        double meanScore = 3.3 + 1.2 * p - (festival || summer ? 0.3 : 0);
        return new Month(needs, activities, inspections, attendees, reach, closureDays, meanScore);
    }
}
