package org.wushe.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.fund.application.Ledger;
import org.wushe.points.application.SourceSettlement;
import org.wushe.security.application.PasswordHasher;
import org.wushe.security.application.TotpSecrets;
import org.wushe.security.domain.Account;

/**
 * Loads the demo city of {@code config/demo/demo-city.json} when the server runs with
 * {@code -Dwushe.demo=true} and the database has neither communities nor accounts ({@link DemoPolicy}
 * decides, and also refuses demo mode on PostgreSQL and a production start on a demo database):
 * two sub-districts, four
 * communities with five grid cells each, about 200 residents per community (valid ID numbers,
 * deterministic from the seed), the actors of each concentric circle, one account per role, and
 * ({@link DemoPeople}), C001's volunteer station (positions, shifts, rewards, resident1's settled
 * visits; {@link DemoVolunteering}) and its resource docking ({@link DemoDocking}), training station ({@link DemoTraining}) and social worker + grid
 * worker work ({@link DemoCasework}); then the past year of C001–C004 ({@link DemoHistory}) with
 * the snapshots taken from it, so the dashboards, the trend and the ladder are full on first start,
 * and last month's reports ({@link DemoReports}).
 * Never runs on a database that already holds data; records the installation kind (demo or
 * production) in the {@code installation} table at the first start.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoCityLoader {

    private static final Logger LOG = Logger.getLogger(DemoCityLoader.class.getName());
    static final String ENABLED_PROPERTY = "wushe.demo";
    static final String ALLOW_POSTGRESQL_PROPERTY = "wushe.demo.allowPostgresql";

    @jakarta.annotation.Resource(lookup = "jdbc/wushe")
    javax.sql.DataSource dataSource;

    @EJB
    SchemaMigration migration;

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    PasswordHasher hasher;

    @Inject
    TotpSecrets totpSecrets;

    @Inject
    Clock clock;

    @EJB
    SourceSettlement settlement;

    @EJB
    org.wushe.training.application.LadderService ladder;

    @EJB
    org.wushe.assessment.application.AssessmentRun assessment;

    @EJB
    DemoReports reports;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void loadWhenEmpty() {
        DemoPolicy.Verdict verdict = verdict();
        switch (verdict.decision()) {
            case REFUSE_START -> {
                LOG.severe(() -> "Wushe refuses to start: " + verdict.reason());
                throw new IllegalStateException("Wushe refuses to start: " + verdict.reason());
            }
            case REFUSE_DATA -> LOG.severe(() -> "Demo city NOT loaded: " + verdict.reason());
            case ALREADY_LOADED -> LOG.info(() -> "Demo city not loaded: " + verdict.reason());
            case NOT_DEMO, LOAD -> {
                // recorded below; LOAD loads after recording, in the same transaction
            }
        }
        if (verdict.record() != null) {
            em.createNativeQuery("INSERT INTO installation (id, kind, recorded_at) VALUES (1, ?, ?)")
                    .setParameter(1, verdict.record().name())
                    .setParameter(2, java.sql.Timestamp.from(clock.instant()))
                    .executeUpdate();
            LOG.info(() -> "This database is recorded as a " + verdict.record() + " installation");
        }
        if (verdict.decision() != DemoPolicy.Decision.LOAD) {
            return;
        }
        long started = System.nanoTime();
        JsonObject city = readJson("demo/demo-city.json");
        DemoPeople.Names names = DemoPeople.Names.read(open("demo/names.txt"));
        int residents = load(city, names);
        LOG.info(() -> String.format("Demo city loaded: %d residents in %d ms", residents,
                (System.nanoTime() - started) / 1_000_000));
    }

    /**
     * What {@link DemoPolicy} decides for this server and the live database, read in the caller's
     * transaction (so a test can ask it about data it rolls back afterwards).
     */
    public DemoPolicy.Verdict verdict() {
        return DemoPolicy.decide(facts());
    }

    /** The facts {@link #verdict()} decides on, read from this server and the live database. */
    public DemoPolicy.Facts facts() {
        boolean demo = Boolean.getBoolean(ENABLED_PROPERTY);
        boolean allowPostgresql = Boolean.getBoolean(ALLOW_POSTGRESQL_PROPERTY);
        JsonObject city = readJson("demo/demo-city.json");
        List<String> usernames = new ArrayList<>();
        for (JsonValue a : city.getJsonArray("accounts")) {
            usernames.add(a.asJsonObject().getString("username"));
        }
        List<String> codes = new ArrayList<>();
        for (JsonValue sd : city.getJsonArray("subDistricts")) {
            for (JsonValue c : sd.asJsonObject().getJsonArray("communities")) {
                codes.add(c.asJsonObject().getString("code"));
            }
        }
        long communities = em.createQuery("select count(c) from Community c", Long.class).getSingleResult();
        long accounts = em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
        long foreignCommunities = em.createQuery("select count(c) from Community c where c.code not in :codes", Long.class)
                .setParameter("codes", codes).getSingleResult();
        long foreignAccounts = em.createQuery("select count(a) from Account a where a.username not in :names", Long.class)
                .setParameter("names", usernames).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object> kinds = em.createNativeQuery("SELECT kind FROM installation WHERE id = 1").getResultList();
        DemoPolicy.Kind recorded = kinds.isEmpty() ? null : DemoPolicy.Kind.valueOf(String.valueOf(kinds.get(0)).trim());
        return new DemoPolicy.Facts(demo, isPostgresql(), allowPostgresql, recorded, communities, accounts,
                foreignCommunities, foreignAccounts);
    }

    /** The database product, from the JDBC metadata of the application's own data source. */
    private boolean isPostgresql() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the database product: " + e.getMessage(), e);
        }
    }

    private int load(JsonObject city, DemoPeople.Names names) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        DemoPeople.City loaded = new DemoPeople(em, hasher, totpSecrets, now, today).load(city, names);
        Map<String, Community> communities = loaded.communities();
        Map<String, Account> accounts = loaded.accounts();
        Map<String, List<Resident>> residentsOf = loaded.residentsOf();
        new DemoVolunteering(em, settlement, now).load(communities.get("C001"), accounts, residentsOf.get("C001"));
        new DemoDocking(em, now, today).load(communities.get("C001"), communities.get("C002"), loaded.grids(), accounts,
                residentsOf.get("C001"));
        new DemoTraining(em, now, today).load(communities.get("C001"), accounts, residentsOf.get("C001"), ladder);
        new DemoDeliberation(em, now, today).load(communities.get("C001"), accounts, residentsOf.get("C001"));
        new DemoCasework(em, now, today).load(communities.get("C001"), accounts, residentsOf.get("C001"));
        new DemoFund(em, ledger, now, today).load(communities.get("C001"), accounts, residentsOf.get("C001"));
        new DemoOrganisations(em, now, today).load(communities.get("C001"), accounts, residentsOf.get("C001"));
        history(today, loaded);
        return loaded.residents();
    }

    /**
     * The past year of C001–C004 ({@link DemoHistory}), then the snapshots the nightly run would
     * have taken from it: the assessment of each of its twelve months and of this one, and each
     * community's ladder of the last twelve months; last month's reports follow once this
     * transaction has committed ({@link DemoReports}).
     */
    private void history(LocalDate today, DemoPeople.City loaded) {
        List<Community> four = java.util.stream.Stream.of("C001", "C002", "C003", "C004")
                .map(loaded.communities()::get).toList();
        long started = System.nanoTime();
        int needs = new DemoHistory(em, clock.instant(), today).load(four, loaded.grids(), loaded.accounts(),
                loaded.residentsOf());
        em.flush();
        long written = System.nanoTime();
        java.time.YearMonth first = java.time.YearMonth.from(DemoHistory.firstMonth(today));
        for (int i = 0; i < DemoHistory.MONTHS; i++) {
            assessment.snapshot(first.plusMonths(i));
        }
        assessment.snapshot(java.time.YearMonth.from(today));
        for (Community c : four) {
            for (int i = 11; i >= 0; i--) {
                ladder.snapshotCommunity(c.getId(), today.withDayOfMonth(1).minusMonths(i));
            }
        }
        LOG.info(() -> String.format("Demo city's past year: %d needs written in %d ms, snapshots taken in %d ms", needs,
                (written - started) / 1_000_000, (System.nanoTime() - written) / 1_000_000));
        reports.afterCommit(java.time.YearMonth.from(today).minusMonths(1));
    }

    private static InputStream open(String path) {
        InputStream in = DemoCityLoader.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("demo data missing from the application: " + path);
        }
        return in;
    }

    private static JsonObject readJson(String path) {
        try (JsonReader reader = Json.createReader(new InputStreamReader(open(path), StandardCharsets.UTF_8))) {
            return reader.readObject();
        }
    }
}
