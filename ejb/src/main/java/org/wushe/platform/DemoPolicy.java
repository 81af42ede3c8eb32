package org.wushe.platform;

import java.util.Objects;

/**
 * Decides, at every start, whether the demo city may be loaded, and which starts must be refused.
 * Pure: the start-up bean ({@link DemoCityLoader}) reads the facts from the live database and acts
 * on the verdict.
 *
 * <ul>
 *   <li>Demo mode ({@code -Dwushe.demo=true}) on PostgreSQL, the production database, refuses to
 *       start unless {@code -Dwushe.demo.allowPostgresql=true} says it is meant (the test suite).</li>
 *   <li>The demo city is loaded only into a database without communities and without accounts.</li>
 *   <li>A database recorded as a production installation, or holding data the demo city does not
 *       have, is never given the demo: it is refused with a SEVERE message and nothing loaded.</li>
 *   <li>A production start (no demo mode) records the database as production, for good; a
 *       database recorded as a demo is refused, since its accounts have the published password.</li>
 * </ul>
 */
public final class DemoPolicy {

    /** What kind of installation a database was first started as (table {@code installation}). */
    public enum Kind { DEMO, PRODUCTION }

    public enum Decision {
        /** Not in demo mode: a production start, nothing to load. */
        NOT_DEMO,
        /** Demo mode on an empty database: load the demo city. */
        LOAD,
        /** Demo mode on the demo database it loaded before: nothing to do. */
        ALREADY_LOADED,
        /** Demo mode on a database with other data: load nothing, say so loudly, keep running. */
        REFUSE_DATA,
        /** The application must not start (deployment fails). */
        REFUSE_START
    }

    /**
     * What the start knows.
     *
     * @param demoRequested      {@code -Dwushe.demo=true}
     * @param postgresql         the database is PostgreSQL (from the JDBC metadata)
     * @param allowPostgresql    {@code -Dwushe.demo.allowPostgresql=true}
     * @param recorded           the installation kind recorded in the database, or {@code null}
     * @param communities        how many communities the database holds
     * @param accounts           how many accounts the database holds
     * @param foreignCommunities communities whose code is not one of the demo city's
     * @param foreignAccounts    accounts whose username is not one of the demo city's
     */
    public record Facts(boolean demoRequested, boolean postgresql, boolean allowPostgresql, Kind recorded,
                        long communities, long accounts, long foreignCommunities, long foreignAccounts) {
    }

    /**
     * The decision, the kind to record now ({@code null}: record nothing) and the reason in words.
     */
    public record Verdict(Decision decision, Kind record, String reason) {
        public Verdict {
            Objects.requireNonNull(decision);
            Objects.requireNonNull(reason);
        }
    }

    private DemoPolicy() {
    }

    public static Verdict decide(Facts f) {
        if (!f.demoRequested()) {
            if (f.recorded() == Kind.DEMO) {
                return new Verdict(Decision.REFUSE_START, null, "this database holds the demo city, whose accounts "
                        + "have the published password; a production server needs a database of its own "
                        + "(or start it as the demo with -Dwushe.demo=true)");
            }
            return new Verdict(Decision.NOT_DEMO, f.recorded() == null ? Kind.PRODUCTION : null,
                    "production start (no -Dwushe.demo=true)");
        }
        if (f.postgresql() && !f.allowPostgresql()) {
            return new Verdict(Decision.REFUSE_START, null, "demo mode (-Dwushe.demo=true) on PostgreSQL, the "
                    + "production database: remove -Dwushe.demo (a production install) or, for a test server only, "
                    + "set -Dwushe.demo.allowPostgresql=true");
        }
        boolean empty = f.communities() == 0 && f.accounts() == 0;
        if (f.recorded() == Kind.PRODUCTION) {
            return new Verdict(Decision.REFUSE_DATA, null,
                    "the database is recorded as a production installation; it is never given the demo city");
        }
        if (empty) {
            return new Verdict(Decision.LOAD, f.recorded() == null ? Kind.DEMO : null, "empty database");
        }
        if (f.recorded() == Kind.DEMO) {
            return new Verdict(Decision.ALREADY_LOADED, null, "the demo city was loaded before");
        }
        if (f.communities() == 0) {
            return new Verdict(Decision.REFUSE_DATA, null, "the database holds " + f.accounts()
                    + " account(s) and no community: it is an installation of its own, not an empty database");
        }
        if (f.foreignCommunities() > 0 || f.foreignAccounts() > 0) {
            return new Verdict(Decision.REFUSE_DATA, null, "the database holds data that is not the demo city's ("
                    + f.foreignCommunities() + " other communities, " + f.foreignAccounts() + " other accounts)");
        }
        return new Verdict(Decision.ALREADY_LOADED, Kind.DEMO, "the demo city was loaded before");
    }
}
