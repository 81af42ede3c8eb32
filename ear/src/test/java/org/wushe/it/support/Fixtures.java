package org.wushe.it.support;

import static org.wushe.it.support.TestPrincipals.runAs;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.wushe.community.application.GeographyService;
import org.wushe.community.application.ResidentService;
import org.wushe.community.application.ResidentView;
import org.wushe.community.domain.Gender;
import org.wushe.community.domain.IdNumber;
import org.wushe.community.domain.ResidentData;
import org.wushe.community.domain.ResidentTag;
import org.wushe.security.application.AccountAdministration;
import org.wushe.security.application.AccountResult;
import org.wushe.security.application.AdminChanges;
import org.wushe.security.application.AccountForm;
import org.wushe.security.application.AccountService;
import org.wushe.security.domain.Role;

/**
 * Builds each test's own data through the real services, acting as the demo administrator: a
 * sub-district with fresh codes, communities, grid cells and accounts. Codes are unique per run,
 * so tests do not depend on each other or on their order.
 */
@ApplicationScoped
public class Fixtures {

    /** The demo's system administrator: geography, settings, categories, rules. */
    public static final String ADMIN = "admin";
    /** The demo's security administrator: accounts, roles, scopes, supervisors. */
    public static final String SECURITY = "security";
    /** The demo's audit administrator: reads the audit log. */
    public static final String AUDITOR = "auditor";
    /** The demo's second security administrator, who confirms changes to administrator accounts. */
    public static final String SECURITY2 = "security2";
    public static final String PASSWORD = "Test-pass-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @EJB
    GeographyService geography;

    @EJB
    AccountService accounts;

    @EJB
    ResidentService residents;

    @EJB
    AccountAdministration administration;

    @EJB
    AdminChanges adminChanges;

    /**
     * A city-wide administrator account (system, security or audit) with the fixtures' password:
     * {@link #SECURITY} asks for it, {@link #SECURITY2} confirms it (four-eyes).
     */
    public void administrator(String user, String name, Role role) {
        AccountResult r = runAs(SECURITY, () -> accounts.create(new AccountForm(user, name, role,
                PASSWORD.toCharArray(), Set.of(), null, Set.of(), null)));
        if (r.waitsForConfirmation()) {
            runAs(SECURITY2, () -> adminChanges.confirm(r.request().id()));
        }
    }

    /** A fresh code prefix such as {@code T4K2Z1}, unique in this database. */
    public String uniquePrefix() {
        return "T" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase()
                + SEQUENCE.incrementAndGet();
    }

    /** A sub-district with the given communities (codes {@code <prefix>A}, ...), each with grid cells G01 and G02. */
    public Town town(String... communitySuffixes) {
        String prefix = uniquePrefix();
        runAs(ADMIN, () -> {
            geography.createSubDistrict(prefix + "SD", "测试街道" + prefix);
            for (String s : communitySuffixes) {
                String code = prefix + s;
                geography.createCommunity(code, "测试社区" + code, prefix + "SD");
                geography.createGridCell(code + "-G01", "一网格", code);
                geography.createGridCell(code + "-G02", "二网格", code);
            }
        });
        return new Town(prefix);
    }

    /** Codes of a town made by {@link #town}. */
    public record Town(String prefix) {
        public String subDistrict() {
            return prefix + "SD";
        }

        public String community(String suffix) {
            return prefix + suffix;
        }

        public String grid(String suffix, int n) {
            return String.format("%s%s-G%02d", prefix, suffix, n);
        }

        public String user(String name) {
            return (prefix + "." + name).toLowerCase();
        }
    }

    /** An account of a community role (Party secretary, social worker, cadre) in one community. */
    public String staff(Town town, String name, Role role, String communitySuffix) {
        String user = town.user(name);
        runAs(SECURITY, () -> accounts.create(new AccountForm(user, name, role, PASSWORD.toCharArray(), Set.of(),
                town.community(communitySuffix), Set.of(), null)));
        return user;
    }

    /** A social worker of the community marked as supervising the social workers of the town's sub-district. */
    public String supervisor(Town town, String name, String communitySuffix) {
        String user = staff(town, name, Role.SOCIAL_WORKER, communitySuffix);
        runAs(SECURITY, () -> administration.setSupervising(user, true, Set.of(town.subDistrict())));
        return user;
    }

    /** A grid worker over the given grid cells. */
    public String gridWorker(Town town, String name, Set<String> grids) {
        String user = town.user(name);
        runAs(SECURITY, () -> accounts.create(new AccountForm(user, name, Role.GRID_WORKER, PASSWORD.toCharArray(),
                Set.of(), null, grids, null)));
        return user;
    }

    /** A sub-district officer over the town's sub-district. */
    public String officer(Town town, String name) {
        String user = town.user(name);
        runAs(SECURITY, () -> accounts.create(new AccountForm(user, name, Role.SUB_DISTRICT_OFFICER,
                PASSWORD.toCharArray(), Set.of(town.subDistrict()), null, Set.of(), null)));
        return user;
    }

    /** An IT operator (city-wide, runs the jobs). */
    public String operator(Town town, String name) {
        String user = town.user(name);
        runAs(SECURITY, () -> accounts.create(new AccountForm(user, name, Role.IT_OPERATOR, PASSWORD.toCharArray(),
                Set.of(), null, Set.of(), null)));
        return user;
    }

    private static final AtomicInteger ID_SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 400));

    /** Valid data for a new resident of the grid cell, with an ID number not used before. */
    public ResidentData residentData(String name, String communityCode, String gridCode) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(Math.floorMod(System.nanoTime(), 25_000));
        Gender gender = Gender.FEMALE;
        String id = IdNumber.compose("4201" + String.format("%02d", ID_SEQUENCE.get() % 100), birth,
                ID_SEQUENCE.incrementAndGet(), gender);
        return new ResidentData(id, name, gender, birth, "13912345678", "江城市东湖区测试街道幸福路8号1栋1单元101室",
                communityCode, gridCode, Set.of(ResidentTag.ELDERLY_ALONE));
    }

    /** Registers a resident as the given staff account. */
    public ResidentView resident(String asUser, String name, String communityCode, String gridCode) {
        ResidentData data = residentData(name, communityCode, gridCode);
        return runAs(asUser, () -> residents.register(data));
    }
}
