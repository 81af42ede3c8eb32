package wushe.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A working day of the workstation's staff, as their browsers do it: each virtual user is one
 * signed-in session (the login page, its form with the JSF view state, the session cookie, the
 * redirect to the home page), then walks its role's pages with a think time between them until the
 * duration is up. Every page is a named request, so the report gives each page type its own line;
 * PrimeFaces partial requests (table paging, the search buttons, the register and verify buttons)
 * are posted as PrimeFaces posts them: the whole form, its view state, {@code jakarta.faces.partial.*}
 * and the source's own parameters.
 *
 * <p>Every request checks its status and something in the body that only the rendered page holds
 * (not the login page, no error message, no {@code <error>} in a partial response), so a broken
 * page counts as an error. The two writes check the answer: "register a need" the message naming the
 * new need's number, "verify hours" the verified status.
 *
 * <p>Parameters (system property, else environment variable, else default): see README.md.
 */
public class WorkingDay extends Simulation {

    // ---- parameters ---------------------------------------------------------------------------

    static String param(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        // (a value with spaces may arrive in quotes from the Maven plugin's command line)
        return v == null || v.isBlank() ? fallback : v.trim().replaceAll("^\"|\"$", "").trim();
    }

    /** Seconds from "300", "300s", "5m" or "1h". */
    static int seconds(String v) {
        String s = v.trim().toLowerCase();
        int factor = 1;
        if (s.endsWith("m")) {
            factor = 60;
        } else if (s.endsWith("h")) {
            factor = 3600;
        }
        if (!Character.isDigit(s.charAt(s.length() - 1))) {
            s = s.substring(0, s.length() - 1);
        }
        return Integer.parseInt(s) * factor;
    }

    static final String BASE = param("wushe.base", "WUSHE_BASE", "https://localhost:8181/wushe").replaceAll("/+$", "");
    static final int USERS = Integer.parseInt(param("users", "USERS", "50"));
    static final int RAMP = seconds(param("ramp", "RAMP", "30s"));
    static final int DURATION = seconds(param("duration", "DURATION", "5m"));
    /** Mean think time in seconds; each pause is uniform between half and one and a half of it. */
    static final double THINK = Double.parseDouble(param("think", "THINK", "2"));
    static final String PASSWORD = param("wushe.password", "WUSHE_PASSWORD", "Wushe@2026");
    /** The community the city-wide and sub-district roles open (their pages ask which one). */
    static final String COMMUNITY = param("community", "COMMUNITY", "C001");
    /** The name prefix of the residents search. */
    static final String NAME_PREFIX = param("namePrefix", "NAME_PREFIX", "王");
    /** Which accounts play each role: "role=login,login role=login ..." (spaces or semicolons between roles). */
    static final String LOGINS = param("logins", "LOGINS",
            "social=social1 grid=grid1 cadre=cadre1 secretary=secretary1 street=street1");

    // ---- roles and their fixed shares of the sessions -----------------------------------------

    enum Role {
        SOCIAL("social", 40), GRID("grid", 20), CADRE("cadre", 15), SECRETARY("secretary", 15), STREET("street", 10);

        final String key;
        final int percent;

        Role(String key, int percent) {
            this.key = key;
            this.percent = percent;
        }
    }

    /** USERS split over the roles by their percentages (largest remainder), summing to USERS. */
    static Map<Role, Integer> split(int users) {
        Map<Role, Integer> n = new LinkedHashMap<>();
        double[] rest = new double[Role.values().length];
        int given = 0;
        for (Role r : Role.values()) {
            double exact = users * r.percent / 100.0;
            n.put(r, (int) Math.floor(exact));
            rest[r.ordinal()] = exact - Math.floor(exact);
            given += (int) Math.floor(exact);
        }
        while (given < users) {
            int best = 0;
            for (int i = 1; i < rest.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            Role r = Role.values()[best];
            n.put(r, n.get(r) + 1);
            rest[best] = -1;
            given++;
        }
        return n;
    }

    static Map<Role, List<String>> logins() {
        Map<Role, List<String>> m = new LinkedHashMap<>();
        for (String part : LOGINS.split("[\\s;]+")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("logins: expected role=login[,login...], got " + part);
            }
            Role role = Stream.of(Role.values()).filter(r -> r.key.equals(kv[0])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("logins: no role " + kv[0]));
            m.put(role, Arrays.asList(kv[1].split(",")));
        }
        return m;
    }

    /** The role's accounts, one after the other for each new session. */
    static Iterator<Map<String, Object>> feeder(List<String> accounts) {
        AtomicLong next = new AtomicLong();
        return Stream.generate(() -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("login", accounts.get((int) (next.getAndIncrement() % accounts.size())));
            return m;
        }).iterator();
    }

    // ---- checks -------------------------------------------------------------------------------

    static final String VIEW_STATE = "input[name='jakarta.faces.ViewState']";

    /**
     * The page's Content-Security-Policy nonce: PrimeFaces' script puts it into every form as the
     * hidden field {@code primefaces.nonce}, and the server refuses a partial request without it.
     */
    static final CheckBuilder NONCE = regex("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").optional().saveAs("nonce");

    static String nonce(Session s) {
        String n = s.getString("nonce");
        return n == null ? "" : n;
    }

    /** A whole page: 200, its own marker, not the login form, no error message (and its nonce kept). */
    static CheckBuilder[] page(String marker) {
        return new CheckBuilder[] {
            NONCE,
            status().is(200),
            substring("name=\"login:password\"").notExists(),
            substring(marker).exists(),
            regex("ui-messages?-error").notExists(),
        };
    }

    /** A PrimeFaces partial response that updated the given component without an error. */
    static CheckBuilder[] partial(String updated) {
        return new CheckBuilder[] {
            status().is(200),
            substring("<partial-response").exists(),
            substring("<error>").notExists(),
            regex("<redirect url=\"[^\"]*login").notExists(),
            substring("<update id=\"" + updated + "\"").exists(),
            regex("ui-messages?-error").notExists(),
        };
    }

    static CheckBuilder[] concat(CheckBuilder[] a, CheckBuilder... b) {
        List<CheckBuilder> all = new ArrayList<>(Arrays.asList(a));
        all.addAll(Arrays.asList(b));
        return all.toArray(new CheckBuilder[0]);
    }

    // ---- requests -----------------------------------------------------------------------------

    static ChainBuilder think() {
        long mean = Math.round(THINK * 1000);
        return pause(Duration.ofMillis(mean / 2), Duration.ofMillis(mean * 3 / 2));
    }

    /**
     * A PrimeFaces ajax post of a form as the browser sends it: the form's fields (with its view
     * state) as captured from the page, the changed fields, the page's CSP nonce, the
     * partial-request parameters and the source's own name. A button without its own
     * {@code process} is sent with {@code @all}, as PrimeFaces' client does. Each name is sent
     * once: a changed field replaces the captured one (JSF reads the first value of a name).
     *
     * @param fields name, value pairs; a value {@code #{attr}} is the session's attribute
     */
    static HttpRequestActionBuilder ajax(String name, String path, String formKey, String source, String execute,
                                         String render, String... fields) {
        return http(name).post(path)
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Accept", "application/xml, text/xml, */*; q=0.01")
                .formParamMap(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    String src = resolve(s, source);
                    m.put("jakarta.faces.partial.ajax", "true");
                    m.put("jakarta.faces.source", src);
                    m.put("jakarta.faces.partial.execute", execute);
                    m.put("jakarta.faces.partial.render", render);
                    m.put(src, src);
                    m.putAll(s.getMap(formKey));
                    for (int i = 0; i + 1 < fields.length; i += 2) {
                        m.put(fields[i], resolve(s, fields[i + 1]));
                    }
                    m.put("primefaces.nonce", nonce(s));
                    return m;
                });
    }

    static String resolve(Session s, String value) {
        if (value.startsWith("#{") && value.endsWith("}")) {
            Object v = s.get(value.substring(2, value.length() - 1));
            return v == null ? "" : v.toString();
        }
        return value;
    }

    /** The login page, its form posted with the view state, the redirect followed to the home page. */
    static final ChainBuilder SIGN_IN = exec(Session::markAsSucceeded).exec(
            http("login page").get("/login.xhtml")
                    .check(NONCE, status().is(200), substring("name=\"login:password\"").exists(),
                            form("#login").saveAs("loginForm")))
            .pause(Duration.ofMillis(500), Duration.ofMillis(1500))
            .exec(http("sign in").post("/login.xhtml")
                    .formParamMap(s -> {
                        Map<String, Object> m = new LinkedHashMap<>(s.getMap("loginForm"));
                        m.put("login:username", s.getString("login"));
                        m.put("login:password", PASSWORD);
                        m.put("login:submit", "");
                        m.put("primefaces.nonce", nonce(s));
                        return m;
                    })
                    .check(concat(page("id=\"myWorkTitle\""), currentLocation().notNull())))
            .exitHereIfFailed();

    /**
     * The end of the day: the shell's sign-out link posted as the browser posts it (the shell form
     * with its view state and the link's own name), followed to the login page. Ended sessions let
     * the script tell the server's memory per signed-in user (bench/load.sh).
     */
    static final ChainBuilder SIGN_OUT = exec(Session::markAsSucceeded).exec(
            http("home").get("/index.xhtml")
                    .check(concat(page("id=\"myWorkTitle\""), form("#shell").saveAs("shellForm"))))
            .exec(http("sign out").post("/index.xhtml")
                    .formParamMap(s -> {
                        Map<String, Object> m = new LinkedHashMap<>(s.getMap("shellForm"));
                        m.put("shell:signout", "shell:signout");
                        m.put("primefaces.nonce", nonce(s));
                        return m;
                    })
                    .check(status().is(200), substring("name=\"login:password\"").exists()));

    /** My work; a session sent back to the login page (expired, or its node gone) signs in again. */
    static final ChainBuilder HOME = exec(
            http("home").get("/index.xhtml")
                    .check(substring("name=\"login:password\"").count().saveAs("onLogin"))
                    .check(page("id=\"myWorkTitle\"")))
            .doIf(s -> s.getInt("onLogin") > 0).then(exec(SIGN_IN))
            .exec(think());

    static String q(String community) {
        return community == null ? "" : "?community=" + community;
    }

    /** The residents list, a page further on, a search by name prefix and a page of its results. */
    static ChainBuilder residents(String community) {
        String path = "/residents/list.xhtml";
        return exec(http("residents list").get(path + q(community))
                        .check(page("id=\"residents:table\""))
                        .check(form("#residents").saveAs("residentsForm")))
                .exec(think())
                .exec(s -> s.set("first", 20 * ThreadLocalRandom.current().nextInt(1, 50)))
                .exec(ajax("residents list, page", path, "residentsForm", "residents:table", "residents:table",
                        "residents:table", "residents:table_pagination", "true", "residents:table_first", "#{first}",
                        "residents:table_rows", "20", "residents:table_skipChildren", "true",
                        "residents:table_encodeFeature", "true")
                        .check(partial("residents:table"))
                        .check(substring("open-resident").exists()))
                .exec(think())
                .exec(ajax("residents name search", path, "residentsForm", "residents:search", "residents",
                        "residents:table residents:formMessages", "residents:name", NAME_PREFIX)
                        .check(partial("residents:table"))
                        // the search found rows, and really applied: every name shown starts with the prefix
                        .check(substring("open-resident").exists())
                        .check(regex("class=\"open-resident\"[^>]*>([^<]*)<").findAll()
                                .transform(names -> names == null || names.stream().allMatch(n -> n.startsWith(NAME_PREFIX)))
                                .is(true)))
                .exec(think())
                .exec(ajax("residents list, page", path, "residentsForm", "residents:table", "residents:table",
                        "residents:table", "residents:name", NAME_PREFIX, "residents:table_pagination", "true",
                        "residents:table_first", "20", "residents:table_rows", "20",
                        "residents:table_skipChildren", "true", "residents:table_encodeFeature", "true")
                        .check(partial("residents:table")))
                .exec(think());
    }

    /** The needs board, filtered by a status, then one of its needs. */
    static ChainBuilder needs(String community) {
        String path = "/docking/needs.xhtml";
        return exec(http("needs board").get(path + q(community))
                        .check(page("id=\"board:needs\""))
                        .check(form("#board").saveAs("boardForm"))
                        .check(regex("need\\.xhtml\\?id=(\\d+)").findAll().optional().saveAs("needIds"))
                        .check(css("select[name='board:status_input'] option", "value").findAll().saveAs("statuses")))
                .exec(think())
                .exec(s -> s.set("status", anyNonEmpty(s, "statuses")))
                .exec(ajax("needs board filter", path, "boardForm", "board:search", "@all", "board",
                        "board:status_input", "#{status}")
                        .check(partial("board"))
                        // the filter really applied: the board comes back with that status chosen
                        .check(substring("<option value=\"#{status}\" selected=\"selected\"").exists()))
                .exec(think())
                .doIf(s -> s.contains("needIds")).then(exec(s -> {
                    List<String> ids = s.getList("needIds");
                    return s.set("needId", ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                }).exec(needPage()));
    }

    static ChainBuilder needPage() {
        return exec(http("need page").get("/docking/need.xhtml?id=#{needId}")
                        .check(page("id=\"needTitle\"")))
                .exec(think());
    }

    static final AtomicLong REGISTERED = new AtomicLong();

    /** Registers a need on the board's form and opens it: the answer must name the new need. */
    static ChainBuilder registerNeed(String community) {
        String path = "/docking/needs.xhtml";
        return exec(http("needs board").get(path + q(community))
                        .check(page("id=\"register:submit\""))
                        .check(form("#register").saveAs("registerForm"))
                        .check(css("select[name='register:gridCode_input'] option", "value").findAll().saveAs("grids"))
                        .check(css("select[name='register:categoryCode_input'] option", "value").findAll()
                                .saveAs("categories")))
                .exec(think())
                .exec(s -> s.set("grid", anyNonEmpty(s, "grids")).set("category", anyNonEmpty(s, "categories"))
                        .set("needTitle", "负载测试需求 " + REGISTERED.incrementAndGet()))
                .exec(s -> s.remove("needId"))
                .exec(ajax("register a need", path, "registerForm", "register:submit", "@all",
                        "register board:columns board:needs overdueActions",
                        "register:gridCode_input", "#{grid}", "register:categoryCode_input", "#{category}",
                        "register:urgency_input", "NORMAL", "register:source_input", "GRID_PATROL",
                        "register:residentId", "", "register:title", "#{needTitle}",
                        "register:description", "负载测试登记的需求")
                        .check(partial("register"))
                        .check(regex("需求 (\\d+)“[^”]*”已登记").saveAs("needId")))
                .exec(think())
                .doIf(s -> s.contains("needId")).then(needPage());
    }

    static String anyNonEmpty(Session s, String key) {
        List<String> values = s.<String>getList(key).stream().filter(v -> !v.isEmpty()).toList();
        return values.isEmpty() ? "" : values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    /** The supervisor's verification queue (every record waiting), one record verified. */
    static final ChainBuilder VERIFY_HOURS = exec(
            http("verify hours queue").get("/volunteering/queue.xhtml?all=true")
                    .check(page("id=\"queue:table\""))
                    .check(form("#queue").saveAs("queueForm"))
                    .check(regex("<button id=\"(queue:table:\\d+:[^\"]+)\" name=\"[^\"]*\" class=\"[^\"]*\\bverify\\b")
                            .findAll().optional().saveAs("verifyButtons")))
            .exec(think())
            .doIf(s -> s.contains("verifyButtons")).then(exec(s -> {
                List<String> b = s.getList("verifyButtons");
                return s.set("verifyButton", b.get(ThreadLocalRandom.current().nextInt(b.size())));
            }).exec(ajax("verify hours", "/volunteering/queue.xhtml", "queueForm", "#{verifyButton}", "@all", "queue")
                    .check(partial("queue"))
                    .check(substring("已通过").exists()))
                    .exec(think()));

    static ChainBuilder get(String name, String path, String marker) {
        return exec(http(name).get(path).check(page(marker))).exec(think());
    }

    static ChainBuilder referrals() {
        return get("referrals inbox", "/casework/referrals.xhtml", "id=\"inbox\"");
    }

    static ChainBuilder fund(String community) {
        return get("fund overview", "/fund/overview.xhtml" + q(community), "id=\"overview:balance\"");
    }

    static ChainBuilder deliberation(String community) {
        return get("deliberation board", "/deliberation/issues.xhtml" + q(community), "id=\"board:issues\"");
    }

    /** One round of each role's day (the loop repeats it until the duration is up). */
    static ChainBuilder day(Role role) {
        return switch (role) {
            // social worker: everything, and the supervisor's verification of hours
            case SOCIAL -> exec(HOME, residents(null), needs(null), referrals(), fund(null), deliberation(null),
                    VERIFY_HOURS);
            // grid worker: own cells' residents, registers what the patrol found, referrals
            case GRID -> exec(HOME, residents(null), registerNeed(null), needs(null), referrals());
            // community cadre: residents, the board, registers a need, fund, deliberation
            case CADRE -> exec(HOME, residents(null), needs(null), registerNeed(null), fund(null), deliberation(null));
            // Party secretary: board, deliberation, fund, referrals, the residents list
            case SECRETARY -> exec(HOME, needs(null), deliberation(null), fund(null), referrals(), residents(null));
            // sub-district officer: one community of theirs (chosen by its code)
            case STREET -> exec(HOME, residents(COMMUNITY), needs(COMMUNITY), fund(COMMUNITY), deliberation(COMMUNITY));
        };
    }

    // ---- the simulation -----------------------------------------------------------------------

    HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("zh-CN,zh;q=0.9,en;q=0.5")
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) WusheLoad/1.0");

    {
        Map<Role, List<String>> logins = logins();
        Map<Role, Integer> split = split(USERS);
        List<PopulationBuilder> populations = new ArrayList<>();
        StringBuilder said = new StringBuilder();
        for (Role role : Role.values()) {
            int n = split.get(role);
            List<String> accounts = logins.get(role);
            if (n == 0 || accounts == null) {
                continue;
            }
            ScenarioBuilder s = scenario(role.key)
                    .feed(feeder(accounts))
                    .exec(SIGN_IN)
                    .during(Duration.ofSeconds(DURATION)).on(day(role))
                    .exec(SIGN_OUT);
            populations.add(s.injectOpen(rampUsers(n).during(Duration.ofSeconds(Math.max(1, RAMP)))));
            said.append(' ').append(role.key).append('=').append(n).append(' ').append(accounts);
        }
        System.out.printf("[load] %s: %d sessions (%s), ramp %d s, each working %d s, think %.1f s%n", BASE,
                USERS, said.toString().trim(), RAMP, DURATION, THINK);
        setUp(populations).protocols(protocol)
                .maxDuration(Duration.ofSeconds(RAMP + DURATION + 120L));
    }
}
