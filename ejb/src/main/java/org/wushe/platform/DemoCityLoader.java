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
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;
import org.wushe.community.domain.Actor;
import org.wushe.community.domain.ActorType;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.GridCell;
import org.wushe.community.domain.IdNumber;
import org.wushe.community.domain.Resident;
import org.wushe.community.domain.ResidentData;
import org.wushe.community.domain.ResidentTag;
import org.wushe.community.domain.SubDistrict;
import org.wushe.fund.application.Ledger;
import org.wushe.points.application.SourceSettlement;
import org.wushe.points.domain.SourceType;
import org.wushe.security.application.PasswordHasher;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Role;
import org.wushe.points.domain.AccountKind;
import org.wushe.points.domain.PointAccount;
import org.wushe.points.domain.Reward;
import org.wushe.volunteering.domain.ServiceHours;
import org.wushe.volunteering.domain.Shift;
import org.wushe.volunteering.domain.Verifier;
import org.wushe.volunteering.domain.VolunteerPosition;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Loads the demo city of {@code config/demo/demo-city.json} when the server runs with
 * {@code -Dwushe.demo=true} and the database has neither communities nor accounts ({@link DemoPolicy}
 * decides, and also refuses demo mode on PostgreSQL and a production start on a demo database):
 * two sub-districts, four
 * communities with five grid cells each, about 200 residents per community (valid ID numbers,
 * deterministic from the seed), the actors of each concentric circle, one account per role, and
 * C001's volunteer station (positions, shifts, rewards, resident1's settled visits) and its resource
 * docking ({@link DemoDocking}), training station ({@link DemoTraining}) and social worker + grid
 * worker work ({@link DemoCasework}).
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
    Clock clock;

    @EJB
    SourceSettlement settlement;

    @EJB
    org.wushe.training.application.LadderService ladder;

    @EJB
    org.wushe.assessment.application.AssessmentRun assessment;

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
        Names names = Names.read(open("demo/names.txt"));
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

    private int load(JsonObject city, Names names) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(city.getJsonNumber("seed").longValue());
        String region = city.getString("region");
        String cityName = city.getString("city") + city.getString("district");
        int perCommunity = city.getInt("residentsPerCommunity");
        Map<String, SubDistrict> subDistricts = new HashMap<>();
        Map<String, Community> communities = new HashMap<>();
        Map<String, GridCell> grids = new HashMap<>();
        Map<String, List<Resident>> residentsOf = new HashMap<>();
        Set<String> ids = new HashSet<>();
        int sequence = 0;
        int count = 0;
        for (JsonValue sdValue : city.getJsonArray("subDistricts")) {
            JsonObject sd = sdValue.asJsonObject();
            SubDistrict s = new SubDistrict(sd.getString("code"), sd.getString("name"));
            em.persist(s);
            subDistricts.put(s.getCode(), s);
            for (JsonValue cValue : sd.getJsonArray("communities")) {
                JsonObject co = cValue.asJsonObject();
                Community c = new Community(co.getString("code"), co.getString("name"), s);
                em.persist(c);
                communities.put(c.getCode(), c);
                List<GridCell> cells = new ArrayList<>();
                int g = 1;
                for (JsonValue gridName : co.getJsonArray("grids")) {
                    GridCell cell = new GridCell(String.format("%s-G%02d", c.getCode(), g++),
                            ((JsonString) gridName).getString(), c);
                    em.persist(cell);
                    cells.add(cell);
                    grids.put(cell.getCode(), cell);
                }
                List<String> streets = co.getJsonArray("streets").getValuesAs(JsonString::getString);
                List<Resident> list = new ArrayList<>();
                for (int i = 0; i < perCommunity; i++) {
                    LocalDate birth = birthDate(random, today);
                    Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
                    String id;
                    do {
                        id = IdNumber.compose(region, birth, sequence++, gender);
                    } while (!ids.add(id));
                    GridCell cell = cells.get(i % cells.size());
                    String street = streets.get(random.nextInt(streets.size()));
                    String address = String.format("%s%s%s%d号%d栋%d单元%d0%d室", cityName, s.getName(), street,
                            1 + random.nextInt(300), 1 + random.nextInt(12), 1 + random.nextInt(4),
                            1 + random.nextInt(18), 1 + random.nextInt(4));
                    ResidentData data = new ResidentData(id, names.next(random), gender, birth, phone(random), address,
                            c.getCode(), cell.getCode(), tags(random, birth, today));
                    Resident r = new Resident(IdNumber.parse(id, today), data, cell, now);
                    em.persist(r);
                    list.add(r);
                    count++;
                }
                residentsOf.put(c.getCode(), list);
                for (JsonValue aValue : city.getJsonArray("actors")) {
                    JsonObject a = aValue.asJsonObject();
                    ActorType type = ActorType.valueOf(a.getString("type"));
                    Resident contact = list.get(random.nextInt(list.size()));
                    em.persist(new Actor(c, a.getString("name").replace("{community}", c.getName()), type,
                            contact.getName(), type == ActorType.RESIDENT_BACKBONE ? contact.getId() : null));
                }
                for (int b = 0; b < 3; b++) {
                    Resident backbone = list.get(random.nextInt(list.size()));
                    em.persist(new Actor(c, "居民骨干 " + backbone.getName(), ActorType.RESIDENT_BACKBONE,
                            backbone.getName(), null));
                }
            }
        }
        em.flush();
        Map<String, Account> accounts = new HashMap<>();
        char[] password = city.getString("password").toCharArray();
        for (JsonValue accValue : city.getJsonArray("accounts")) {
            JsonObject a = accValue.asJsonObject();
            Role role = Role.valueOf(a.getString("role"));
            String user = a.getString("username");
            String name = a.getString("displayName");
            String h = hasher.hash(password);
            Account account = switch (role.scopeKind()) {
                case CITY -> Account.cityWide(user, h, name, role, now);
                case SUB_DISTRICTS -> Account.overSubDistricts(user, h, name, role,
                        pick(a, "subDistricts", subDistricts), now);
                case COMMUNITY -> Account.inCommunity(user, h, name, role, communities.get(a.getString("community")), now);
                case GRID_CELLS -> Account.overGridCells(user, h, name, role, pick(a, "grids", grids), now);
                case SELF -> {
                    Community c = communities.get(a.getString("community"));
                    Resident r = residentsOf.get(c.getCode()).get(a.getInt("residentIndex"));
                    yield Account.forResident(user, h, r.getName(), c, r.getId(), now);
                }
            };
            if (a.containsKey("supervisor")) {
                account.assignSupervisor(accounts.get(a.getString("supervisor")));
            }
            em.persist(account);
            accounts.put(user, account);
        }
        em.flush();
        loadVolunteering(communities.get("C001"), accounts, residentsOf.get("C001"), now);
        new DemoDocking(em, now, today).load(communities.get("C001"), communities.get("C002"), grids, accounts,
                residentsOf.get("C001"));
        new DemoTraining(em, now, today).load(communities.get("C001"), accounts, residentsOf.get("C001"), ladder);
        new DemoDeliberation(em, now, today).load(communities.get("C001"), accounts, residentsOf.get("C001"));
        new DemoCasework(em, now, today).load(communities.get("C001"), accounts, residentsOf.get("C001"));
        new DemoFund(em, ledger, now, today).load(communities.get("C001"), accounts, residentsOf.get("C001"));
        new DemoOrganisations(em, now, today).load(communities.get("C001"), accounts, residentsOf.get("C001"));
        // The dashboards read snapshots only: take this month's, as the nightly run would.
        em.flush();
        assessment.snapshot(java.time.YearMonth.from(today));
        return count;
    }

    /**
     * C001's volunteer station: two positions supervised by social1, shifts in the coming days, a
     * rewards catalogue, and resident1 with three verified and settled visits, so the demo shows
     * points to redeem.
     */
    private void loadVolunteering(Community c, Map<String, Account> accounts, List<Resident> residents, Instant now) {
        Account social = accounts.get("social1");
        VolunteerPosition visiting = new VolunteerPosition(c.getId(), "探访独居老人", "ELDERLY_VISITING", social.getId(),
                Set.of(), "每周上门探访、陪伴聊天、发现需求及时反映");
        VolunteerPosition canteen = new VolunteerPosition(c.getId(), "长者食堂帮厨", "CANTEEN", social.getId(), Set.of(),
                "午餐时段分餐、送餐、清洁");
        em.persist(visiting);
        em.persist(canteen);
        em.flush();
        for (int day = 1; day <= 5; day++) {
            Instant morning = now.plus(Duration.ofDays(day)).truncatedTo(ChronoUnit.HOURS);
            em.persist(new Shift(visiting, morning, morning.plus(Duration.ofHours(2)), 4));
            em.persist(new Shift(canteen, morning.plus(Duration.ofHours(3)), morning.plus(Duration.ofHours(5)), 6));
        }
        em.persist(new Reward(c.getId(), "洗衣液一瓶", Reward.Kind.GOODS, 20, 30));
        em.persist(new Reward(c.getId(), "社区理发服务", Reward.Kind.SERVICE, 30, 50));
        em.persist(new Reward(c.getId(), "社区影院电影票", Reward.Kind.GOODS, 50, 10));
        Long volunteer = accounts.get("resident1").getResidentId();
        // Opened here, in this transaction: the ledger would open them in a transaction of their own,
        // which would wait for this one's uncommitted community and resident rows.
        em.persist(PointAccount.of(AccountKind.REWARD_POOL, c.getId(), null, now));
        em.persist(PointAccount.of(AccountKind.VOLUNTEER, c.getId(), volunteer, now));
        em.flush();
        Verifier verifier = new Verifier(social.getUsername(), social.getId(), true, null, null);
        for (int visit = 1; visit <= 3; visit++) {
            Instant start = now.minus(Duration.ofDays(visit * 7L)).truncatedTo(ChronoUnit.HOURS);
            ServiceHours h = new ServiceHours(visiting, null, volunteer, start, start.plus(Duration.ofHours(2)),
                    "探访独居老人，陪伴聊天、代购生活用品", "resident1", start.plus(Duration.ofHours(3)));
            h.verify(verifier, null, 480, now);
            em.persist(h);
            em.flush();
            settlement.settle(SourceType.SERVICE_HOURS, h.getId());
        }
    }

    private static <T> Set<T> pick(JsonObject a, String key, Map<String, T> byCode) {
        Set<T> picked = new HashSet<>();
        for (JsonString code : a.getJsonArray(key).getValuesAs(JsonString.class)) {
            picked.add(byCode.get(code.getString()));
        }
        return picked;
    }

    /** Ages spread like a city's: about 18% children, 55% of working age, 27% over 60. */
    private static LocalDate birthDate(Random random, LocalDate today) {
        double p = random.nextDouble();
        int age = p < 0.18 ? random.nextInt(18) : p < 0.73 ? 18 + random.nextInt(42) : 60 + random.nextInt(36);
        return today.minusYears(age).minusDays(random.nextInt(365));
    }

    private static String phone(Random random) {
        int[] second = {3, 5, 7, 8, 9};
        return "1" + second[random.nextInt(second.length)] + String.format("%09d", random.nextInt(1_000_000_000));
    }

    private static Set<ResidentTag> tags(Random random, LocalDate birth, LocalDate today) {
        int age = java.time.Period.between(birth, today).getYears();
        Set<ResidentTag> tags = EnumSet.noneOf(ResidentTag.class);
        if (age >= 80) {
            tags.add(ResidentTag.ELDERLY);
        }
        if (age >= 70 && random.nextDouble() < 0.15) {
            tags.add(ResidentTag.ELDERLY_ALONE);
        }
        if (random.nextDouble() < 0.03) {
            tags.add(ResidentTag.DISABLED);
        }
        if (random.nextDouble() < 0.04) {
            tags.add(ResidentTag.LOW_INCOME);
        }
        if (age < 16 && random.nextDouble() < 0.08) {
            tags.add(ResidentTag.LEFT_BEHIND_CHILD);
        }
        if (age >= 40 && random.nextDouble() < 0.08) {
            tags.add(ResidentTag.CHRONIC_ILLNESS);
        }
        if (age >= 18 && random.nextDouble() < 0.06) {
            tags.add(ResidentTag.PARTY_MEMBER);
        }
        if (age >= 25 && random.nextDouble() < 0.02) {
            tags.add(ResidentTag.VETERAN);
        }
        return tags;
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

    /** Surnames and given-name characters of {@code names.txt}. */
    record Names(String surnames, String given) {
        static Names read(InputStream in) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                List<String> lines = r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
                return new Names(lines.get(0).trim(), lines.get(1).trim());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String next(Random random) {
            StringBuilder name = new StringBuilder().append(surnames.charAt(random.nextInt(surnames.length())));
            int len = random.nextDouble() < 0.7 ? 2 : 1;
            for (int i = 0; i < len; i++) {
                name.append(given.charAt(random.nextInt(given.length())));
            }
            return name.toString();
        }
    }
}
