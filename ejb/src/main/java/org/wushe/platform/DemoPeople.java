package org.wushe.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.wushe.security.application.PasswordHasher;
import org.wushe.security.application.TotpSecrets;
import org.wushe.security.domain.SecondFactor;
import org.wushe.security.domain.Account;
import org.wushe.security.domain.Role;

/**
 * The demo city's people and places: sub-districts, communities and grid cells, residents with
 * valid ID numbers generated from the file's seed, the concentric circle's actors and the demo
 * accounts with their scopes.
 */
final class DemoPeople {

    /** What was loaded, by code (accounts by username). */
    record City(Map<String, Community> communities, Map<String, GridCell> grids, Map<String, List<Resident>> residentsOf,
                Map<String, Account> accounts, int residents) {
    }

    private final EntityManager em;
    private final PasswordHasher hasher;
    private final TotpSecrets totpSecrets;
    private final Instant now;
    private final LocalDate today;

    DemoPeople(EntityManager em, PasswordHasher hasher, TotpSecrets totpSecrets, Instant now, LocalDate today) {
        this.em = em;
        this.hasher = hasher;
        this.totpSecrets = totpSecrets;
        this.now = now;
        this.today = today;
    }

    /** Loads the city's geography, residents, actors and accounts. */
    City load(JsonObject city, Names names) {
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
        // One published password for every demo account: hashed once (PBKDF2 at 600,000 iterations
        // takes about 0.3 s), the same hash stored for all.
        String h = hasher.hash(city.getString("password").toCharArray());
        // The administrators' second factor: one published secret, demo only.
        String totpSecret = city.getString("adminTotpSecret", null);
        for (JsonValue accValue : city.getJsonArray("accounts")) {
            JsonObject a = accValue.asJsonObject();
            Role role = Role.valueOf(a.getString("role"));
            String user = a.getString("username");
            String name = a.getString("displayName");
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
            if (a.containsKey("supervising")) {
                account.markSupervising(pick(a, "supervising", subDistricts));
            }
            if (a.containsKey("supervisor")) {
                account.assignSupervisor(accounts.get(a.getString("supervisor")));
            }
            em.persist(account);
            if (role.isAdministrator() && totpSecret != null) {
                em.persist(new SecondFactor(account.getId(), totpSecrets.encrypt(totpSecret, user), now));
            }
            accounts.put(user, account);
        }
        em.flush();
        return new City(communities, grids, residentsOf, accounts, count);
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
