import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The signed-in users of bench/two-nodes.sh: each virtual user signs in through the login page as a
 * browser does (the form with its JSF ViewState, the session cookie, the balancer's node cookie)
 * and opens the everyday pages with a pause between them, until the time is up. Every request is
 * written as a line: when, user, node (the balancer's cookie at the time), what came back, how long.
 * A user whose session is gone (sent to the login page) signs in again, and that is counted.
 *
 * <pre>
 *   java bench/TwoNodeLoad.java run &lt;base url ending in /wushe/&gt; &lt;PEM to trust&gt; &lt;users&gt; &lt;seconds&gt; &lt;requests.csv&gt; [stop file]
 *   java bench/TwoNodeLoad.java summary &lt;requests.csv&gt; &lt;kill time, epoch ms&gt; &lt;killed node&gt;
 * </pre>
 *
 * The accounts are the demo city's staff without a second factor; the password is TWO_PASSWORD
 * (default the demo's). The users stop when the seconds are up or when the stop file appears. Outcomes: OK (the page), SIGNIN (sent to the login page: the session was
 * lost), FAILED (no answer, or an error status) and, for sign-ins, LOGIN_OK / LOGIN_FAILED.
 */
public class TwoNodeLoad {

    static final List<String> ACCOUNTS = List.of("social1", "social2", "social3", "social4", "cadre1", "cadre2",
            "cadre3", "cadre4", "grid1", "grid2", "grid3", "grid4", "secretary1", "secretary2", "secretary3",
            "secretary4", "street1", "street2", "supervisor1");
    static final List<String> PAGES = List.of("index.xhtml", "residents/list.xhtml", "notifications.xhtml");
    static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    static final String NODE_COOKIE = "WUSHE_NODE";

    record Line(long at, int user, String node, String what, int status, long millis) {
        String csv() {
            return at + "," + user + "," + node + "," + what + "," + status + "," + millis;
        }
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "run" -> run(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Path.of(args[5]), args.length > 6 ? Path.of(args[6]) : null);
            case "summary" -> summary(Path.of(args[1]), Long.parseLong(args[2]), args[3]);
            default -> {
                System.err.println("usage: run <base> <pem> <users> <seconds> <out.csv> | summary <csv> <kill ms> <node>");
                System.exit(2);
            }
        }
    }

    static volatile boolean stopped;

    static void run(String base, Path pem, int users, int seconds, Path out, Path stopFile) throws Exception {
        SSLContext tls = trusting(pem);
        String password = System.getenv().getOrDefault("TWO_PASSWORD", "Wushe@2026");
        long end = System.currentTimeMillis() + seconds * 1000L;
        ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            String account = ACCOUNTS.get(u % ACCOUNTS.size());
            Thread t = new Thread(() -> {
                try {
                    // Arrivals spread over the first ten seconds.
                    Thread.sleep(ThreadLocalRandom.current().nextLong(10_000));
                    new User(user, account, password, base, tls, lines).work(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "user-" + u);
            t.start();
            threads.add(t);
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println("at,user,node,what,status,millis");
            while (threads.stream().anyMatch(Thread::isAlive)) {
                if (stopFile != null && Files.exists(stopFile)) {
                    stopped = true;
                }
                drain(lines, w);
                Thread.sleep(500);
            }
            drain(lines, w);
        }
    }

    private static void drain(ConcurrentLinkedQueue<Line> lines, PrintWriter w) {
        for (Line l; (l = lines.poll()) != null; ) {
            w.println(l.csv());
        }
        w.flush();
    }

    static SSLContext trusting(Path pem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("c" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    static final class User {
        final int id;
        final String account;
        final String password;
        final String base;
        final ConcurrentLinkedQueue<Line> lines;
        final CookieManager cookies = new CookieManager();
        final HttpClient http;

        User(int id, String account, String password, String base, SSLContext tls, ConcurrentLinkedQueue<Line> lines) {
            this.id = id;
            this.account = account;
            this.password = password;
            this.base = base;
            this.lines = lines;
            this.http = HttpClient.newBuilder().sslContext(tls).cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        }

        void work(long end) throws InterruptedException {
            boolean signedIn = false;
            while (System.currentTimeMillis() < end && !stopped) {
                if (!signedIn) {
                    signedIn = signIn();
                    if (!signedIn) {
                        Thread.sleep(1_000);
                        continue;
                    }
                }
                String page = PAGES.get(ThreadLocalRandom.current().nextInt(PAGES.size()));
                signedIn = open(page);
                Thread.sleep(500 + ThreadLocalRandom.current().nextLong(1_000));
            }
        }

        private String node() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(NODE_COOKIE))
                    .map(HttpCookie::getValue).findFirst().orElse("-");
        }

        /** One page; false when the session is gone (the next round signs in again). */
        boolean open(String page) {
            String node = node();
            long t0 = System.currentTimeMillis();
            try {
                HttpResponse<String> r = http.send(get(page), HttpResponse.BodyHandlers.ofString());
                long ms = System.currentTimeMillis() - t0;
                String location = r.headers().firstValue("Location").orElse("");
                if ((r.statusCode() == 302 || r.statusCode() == 303) && location.contains("login.xhtml")
                        || r.statusCode() == 200 && r.body().contains("login:password")) {
                    lines.add(new Line(t0, id, node, "SIGNIN", r.statusCode(), ms));
                    return false;
                }
                lines.add(new Line(t0, id, node, r.statusCode() == 200 ? "OK" : "FAILED", r.statusCode(), ms));
                return true;
            } catch (IOException e) {
                lines.add(new Line(t0, id, node, "FAILED", 0, System.currentTimeMillis() - t0));
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }

        boolean signIn() {
            String node = node();
            long t0 = System.currentTimeMillis();
            try {
                HttpResponse<String> login = http.send(get("login.xhtml"), HttpResponse.BodyHandlers.ofString());
                Matcher m = VIEW_STATE.matcher(login.body());
                if (login.statusCode() != 200 || !m.find()) {
                    lines.add(new Line(t0, id, node, "LOGIN_FAILED", login.statusCode(), System.currentTimeMillis() - t0));
                    return false;
                }
                String form = "login=login&login%3Ausername=" + enc(account) + "&login%3Apassword=" + enc(password)
                        + "&login%3Asubmit=&jakarta.faces.ViewState=" + enc(m.group(1).replace("&#58;", ":"));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                String location = r.headers().firstValue("Location").orElse("");
                boolean ok = (r.statusCode() == 302 || r.statusCode() == 303) && !location.contains("login.xhtml");
                lines.add(new Line(t0, id, node(), ok ? "LOGIN_OK" : "LOGIN_FAILED", r.statusCode(),
                        System.currentTimeMillis() - t0));
                return ok;
            } catch (IOException e) {
                lines.add(new Line(t0, id, node, "LOGIN_FAILED", 0, System.currentTimeMillis() - t0));
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private HttpRequest get(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build();
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Before the kill, in the first minute after it and after that: requests, failures and lost
     * sessions; the users that had to sign in again; when the last failure came.
     */
    static void summary(Path csv, long kill, String killed) throws IOException {
        List<Line> all = new ArrayList<>();
        for (String s : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = s.split(",");
            all.add(new Line(Long.parseLong(f[0]), Integer.parseInt(f[1]), f[2], f[3], Integer.parseInt(f[4]),
                    Long.parseLong(f[5])));
        }
        Map<String, long[]> phases = new TreeMap<>();
        String[] names = {"1 before the kill", "2 first 60 s after", "3 later"};
        for (String n : names) {
            phases.put(n, new long[5]); // pages, ok, failed, sent to sign-in, sign-ins
        }
        java.util.Set<Integer> onKilled = new java.util.TreeSet<>();
        java.util.Set<Integer> signedAgain = new java.util.TreeSet<>();
        java.util.Map<Integer, String> lastNode = new java.util.HashMap<>();
        long lastFailure = -1;
        List<Long> okMillisBefore = new ArrayList<>();
        List<Long> okMillisAfter = new ArrayList<>();
        for (Line l : all) {
            String phase = l.at() < kill ? names[0] : l.at() < kill + 60_000 ? names[1] : names[2];
            long[] p = phases.get(phase);
            if (l.at() < kill) {
                lastNode.put(l.user(), l.node());
            }
            switch (l.what()) {
                case "OK" -> {
                    p[0]++;
                    p[1]++;
                    (l.at() < kill ? okMillisBefore : okMillisAfter).add(l.millis());
                }
                case "FAILED" -> {
                    p[0]++;
                    p[2]++;
                    if (l.at() >= kill) {
                        lastFailure = Math.max(lastFailure, l.at() + l.millis());
                    }
                }
                case "SIGNIN" -> {
                    p[0]++;
                    p[3]++;
                    if (l.at() >= kill) {
                        signedAgain.add(l.user());
                    }
                }
                case "LOGIN_OK" -> p[4]++;
                case "LOGIN_FAILED" -> {
                    p[2]++;
                    if (l.at() >= kill) {
                        lastFailure = Math.max(lastFailure, l.at() + l.millis());
                    }
                }
                default -> throw new IllegalStateException(l.what());
            }
        }
        lastNode.forEach((u, n) -> {
            if (n.equals(killed)) {
                onKilled.add(u);
            }
        });
        long users = all.stream().map(Line::user).distinct().count();
        System.out.printf("users=%d%n", users);
        System.out.printf("users_on_killed_node=%d%n", onKilled.size());
        System.out.printf("users_signed_in_again=%d%n", signedAgain.size());
        System.out.printf("users_signed_in_again_not_on_killed_node=%d%n",
                signedAgain.stream().filter(u -> !onKilled.contains(u)).count());
        for (String n : names) {
            long[] p = phases.get(n);
            String key = n.substring(2).replace(' ', '_');
            System.out.printf("%s: pages=%d ok=%d failed=%d sent_to_signin=%d signins=%d%n", key, p[0], p[1], p[2], p[3], p[4]);
        }
        System.out.printf("last_failure_after_kill_s=%s%n", lastFailure < 0 ? "none" : String.format("%.1f", (lastFailure - kill) / 1000.0));
        System.out.printf("p95_ms_before=%d p95_ms_after=%d%n", p95(okMillisBefore), p95(okMillisAfter));
    }

    static long p95(List<Long> ms) {
        if (ms.isEmpty()) {
            return -1;
        }
        List<Long> s = new ArrayList<>(ms);
        s.sort(null);
        return s.get((int) Math.ceil(s.size() * 0.95) - 1);
    }
}
