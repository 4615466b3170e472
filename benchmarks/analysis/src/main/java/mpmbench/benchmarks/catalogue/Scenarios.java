package mpmbench.benchmarks.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scenario catalog, in the order a suite runs them, with the levels of {@code quick} and
 * {@code full}. {@code quick} has to finish within 10 minutes on a 2-core machine with every target
 * and 3 repeats on fresh instances, so it runs only {@link #QUICK_DEFAULT} with one level each;
 * {@code full} runs every scenario but the {@link #OPERATIONAL} and {@link #TLS} ones, at the levels that fit its hour
 * with 3 interleaved rounds on fresh instances (levels were cut to fit, never repeats). The
 * operational scenarios run when named: about 30 more minutes for every target at full's levels.
 */
public final class Scenarios {

    // The scenario names, as --scenarios takes them and every file (summary.csv's scenario column,
    // latency/<scenario>_..., the charts) writes them; the analysis names a scenario by these alone.
    public static final String STARTUP = "startup";
    public static final String HELLO = "hello";
    public static final String CHURN = "churn";
    public static final String IDLE_KEEPALIVE = "idle-keepalive";
    public static final String SLOW_BACKEND = "slow-backend";
    public static final String CPU = "cpu";
    public static final String LARGE = "large";
    public static final String RATE_SWEEP = "rate-sweep";
    public static final String CRASH = "crash";
    public static final String GRACEFUL_RESTART = "graceful-restart";
    public static final String SLOW_CLIENTS = "slow-clients";
    public static final String TLS_HELLO = "tls-hello";
    public static final String TLS_CHURN = "tls-churn";
    public static final String TLS_CHURN_RESUMED = "tls-churn-resumed";
    public static final String TLS_IDLE = "tls-idle";
    public static final String EQUAL_LOAD = "equal-load";

    /**
     * {@code equal-load}: the open-model rate of a family's targets is this fraction of the lowest of their
     * hello knees (each target's best median hello requests/s in the run), so every model of the family
     * serves the same requests/s well below its saturation and its cost per request means the same for all
     * (claims 1a and 1b). The suite resolves it after the rounds, from the run's own hello cells.
     */
    public static final double EQUAL_LOAD_FRACTION = 0.5;
    /**
     * {@code equal-load}'s connections: as many as hello's and idle-keepalive's active clients. Not 64: in
     * the open model each connection carries rate / connections, and a prefork child holds one connection
     * at a time, so a prefork must first have a child per connection. java-prefork, spawning one child JVM
     * after another on its busy core, held 24 of 64 at 9,200 req/s and served exactly 24 × 143.75 =
     * 3,450 req/s, `saturated` in 3 of 3 rounds (results/claims-2026-12-07/), so claim 1b had nothing to read.
     */
    public static final int EQUAL_LOAD_CONNECTIONS = 16;

    /** Responses of the {@code large} scenario, bytes (the peers serve a file of this size). */
    public static final int LARGE_BYTES = 1 << 20;
    /** The work of one {@code cpu} request: about 100 µs on a current core. */
    public static final int CPU_ITERS = 100_000;
    /** The SLO of {@code rate-sweep}: the knee is the first rate whose p99 passes it, ms. */
    public static final double SLO_P99_MS = 10.0;
    /** Active connections beside the idle ones in {@code idle-keepalive}. */
    public static final int IDLE_ACTIVE_CONNECTIONS = 16;

    /** Normal clients beside the trickling ones in {@code slow-clients}. */
    public static final int SLOW_NORMAL_CONNECTIONS = 16;
    /** How often a trickling connection of {@code slow-clients} sends one byte of its head. */
    public static final java.time.Duration TRICKLE_INTERVAL = java.time.Duration.ofSeconds(2);
    /**
     * {@code slow-clients}: service is denied at the first step whose normal clients' requests/s fall
     * below this fraction of their requests/s with no trickling connection.
     */
    public static final double DENY_FRACTION = 0.10;

    /**
     * Scenarios the httpd peers serve beyond their static files, on our own path: {@code cpu}, whose
     * {@code /cpu?iters=N} runs the same xorshift64* loop in mod_lua ({@code scripts/peers/cpu.lua}), so
     * that claim 6 is measured for both families (nginx serves static files only).
     */
    public static final Set<String> HTTPD_SERVES = Set.of(CPU);

    /**
     * What {@code quick} runs when {@code --scenarios} is not given: the scenarios of claims 1–4 and 7.
     * {@code cpu} (claim 6) was cut to fit fresh instances into 10 minutes; it
     * runs in {@code full}, or in quick when named, like every other scenario.
     */
    public static final List<String> QUICK_DEFAULT = List.of(STARTUP, HELLO, IDLE_KEEPALIVE, CRASH);

    /**
     * Apache's operational promises (issue 11): graceful restarts under load, and trickling clients.
     * Run when named ({@code --scenarios graceful-restart,slow-clients}): with every target and 3
     * repeats they add about half an hour, which {@code full}'s hour cannot hold.
     */
    public static final List<String> OPERATIONAL = List.of(GRACEFUL_RESTART, SLOW_CLIENTS);

    /**
     * HTTPS (issue 21): the targets started over TLS 1.2/1.3 with a certificate the suite makes for the
     * run. Run when named ({@code --scenarios tls-hello,tls-churn,tls-churn-resumed,tls-idle}), like
     * the operational ones: {@code full}'s hour cannot hold them all. {@code full} runs
     * {@code tls-churn-resumed}, the one claim 9 reads, so that it decides every claim.
     */
    public static final List<String> TLS = List.of(TLS_HELLO, TLS_CHURN, TLS_CHURN_RESUMED, TLS_IDLE);

    private Scenarios() {
    }

    /** The scenario names a suite runs by default. */
    public static List<String> defaults(SuiteKind suite, int cores) {
        return suite == SuiteKind.QUICK ? QUICK_DEFAULT
                : of(suite, cores).stream().map(Scenario::name)
                        .filter(n -> !OPERATIONAL.contains(n) && (!TLS.contains(n) || n.equals(TLS_CHURN_RESUMED)))
                        .toList();
    }

    /** Every scenario with the levels of the given suite. */
    public static List<Scenario> of(SuiteKind suite, int cores) {
        boolean full = suite == SuiteKind.FULL;
        List<Scenario> all = new ArrayList<>();
        all.add(new Scenario(STARTUP, "time from launch to the first 200 and to full StartServers capacity "
                + "(measured at the target's first launch of the run)", ScenarioKind.STARTUP, "/hello", "/hello",
                true, List.of(Level.closed(1))));
        all.add(new Scenario(HELLO, "GET /hello (13 bytes) on keep-alive connections, closed model",
                ScenarioKind.LOAD, "/hello", "/hello", true,
                closed(full ? new int[] {1, 16, 256} : new int[] {16})));
        all.add(new Scenario(CHURN, "GET /hello with Connection: close, a new connection per request",
                ScenarioKind.LOAD, "/hello", "/hello", false, closed(new int[] {16})));
        all.add(new Scenario(EQUAL_LOAD, "GET /hello in the open model at one rate for every target of a family: "
                + Math.round(EQUAL_LOAD_FRACTION * 100) + " % of the lowest hello knee among them (resolved from this run's "
                + "hello cells after the rounds; needs hello): cost per request at equal load", ScenarioKind.LOAD, "/hello",
                "/hello", true, List.of(Level.closed(EQUAL_LOAD_CONNECTIONS))));
        all.add(new Scenario(IDLE_KEEPALIVE, "N idle keep-alive connections held open beside "
                + IDLE_ACTIVE_CONNECTIONS + " active ones on /hello: are new clients still served?",
                ScenarioKind.LOAD, "/hello", "/hello", true,
                idle(full ? new int[] {300, 2000, 10000} : new int[] {300})));
        all.add(new Scenario(SLOW_BACKEND, "GET /sleep?ms=20 (a blocking backend call) at 200 connections",
                ScenarioKind.LOAD, "/sleep?ms=20", null, true, closed(new int[] {200})));
        all.add(new Scenario(CPU, "GET /cpu?iters=" + CPU_ITERS
                + " (about 100 µs of CPU in ours, 2 ms in httpd's mod_lua) at 2 × cores connections",
                ScenarioKind.LOAD, "/cpu?iters=" + CPU_ITERS, null, true, closed(new int[] {2 * cores})));
        all.add(new Scenario(LARGE, "1 MiB responses (/bytes) on 16 connections; the reader drains as fast "
                + "as it can (no slow-reader throttling in the load generator yet)", ScenarioKind.LOAD,
                "/bytes?n=" + LARGE_BYTES, "/bytes", true, closed(new int[] {16})));
        all.add(new Scenario(RATE_SWEEP, "open model on /hello at rising rates until p99 passes "
                + (int) SLO_P99_MS + " ms or errors appear: the knee", ScenarioKind.RATE_SWEEP, "/hello", "/hello",
                true, rates(full ? new int[] {4000, 16000, 64000} : new int[] {4000, 16000})));
        all.add(new Scenario(CRASH, "SIGKILL one child in the middle of a /hello run at 16 connections: "
                + "failed requests and time until throughput is back", ScenarioKind.CRASH, "/hello", "/hello", true,
                closed(new int[] {16})));
        all.add(new Scenario(GRACEFUL_RESTART, "graceful restarts (ours: mpmbench ctl -k graceful; httpd: apache2 -k "
                + "graceful; nginx: nginx -s reload) during a /hello run at 16 connections: failed requests by type, "
                + "time until throughput is back", ScenarioKind.GRACEFUL_RESTART, "/hello", "/hello", true,
                closed(new int[] {16})));
        all.add(new Scenario(SLOW_CLIENTS, "trickling connections (slowloris: one byte of a request head every "
                + TRICKLE_INTERVAL.toSeconds() + " s, never finished) beside " + SLOW_NORMAL_CONNECTIONS
                + " normal clients on /hello: how many deny them service", ScenarioKind.SLOW_CLIENTS, "/hello", "/hello",
                true, trickling(full ? new int[] {0, 64, 512, 4096} : new int[] {0, 512, 4096})));
        all.addAll(tls(full));
        return List.copyOf(all);
    }

    /** The scenarios by name, in catalog order. */
    public static Map<String, Scenario> byName(SuiteKind suite, int cores) {
        return of(suite, cores).stream().collect(Collectors.toMap(Scenario::name, s -> s, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /**
     * The HTTPS scenarios: {@code hello}, {@code churn} (full handshakes, and resumed ones: the
     * resumption rate of claim 9 is read there) and {@code idle-keepalive} over TLS.
     */
    private static List<Scenario> tls(boolean full) {
        return List.of(
                new Scenario(TLS_HELLO, "GET /hello over HTTPS on keep-alive connections, closed model (one handshake "
                        + "per connection)", ScenarioKind.LOAD, "/hello", "/hello", true,
                        closed(full ? new int[] {1, 16, 256} : new int[] {16}), Transport.HTTPS),
                new Scenario(TLS_CHURN, "GET /hello over HTTPS with Connection: close, a full TLS handshake per request "
                        + "(the client offers no session)", ScenarioKind.LOAD, "/hello", "/hello", false,
                        closed(new int[] {16}), Transport.HTTPS_FULL),
                new Scenario(TLS_CHURN_RESUMED, "GET /hello over HTTPS (TLS 1.2) with Connection: close, each new "
                        + "connection offering the client's latest session (its ticket, else its ID): how many handshakes "
                        + "resume", ScenarioKind.LOAD, "/hello", "/hello", false, closed(new int[] {16}),
                        Transport.HTTPS_RESUMED),
                new Scenario(TLS_IDLE, "N idle TLS keep-alive connections held open beside " + IDLE_ACTIVE_CONNECTIONS
                        + " active ones on /hello over HTTPS: memory per idle TLS connection, new clients served?",
                        ScenarioKind.LOAD, "/hello", "/hello", true,
                        idle(full ? new int[] {300, 2000, 10000} : new int[] {300}), Transport.HTTPS));
    }

    private static List<Level> closed(int[] connections) {
        List<Level> levels = new ArrayList<>();
        for (int c : connections) {
            levels.add(Level.closed(c));
        }
        return levels;
    }

    private static List<Level> idle(int[] idle) {
        List<Level> levels = new ArrayList<>();
        for (int i : idle) {
            levels.add(new Level(IDLE_ACTIVE_CONNECTIONS, 0, i));
        }
        return levels;
    }

    private static List<Level> trickling(int[] trickling) {
        List<Level> levels = new ArrayList<>();
        for (int t : trickling) {
            levels.add(new Level(SLOW_NORMAL_CONNECTIONS, 0, t));
        }
        return levels;
    }

    private static List<Level> rates(int[] rates) {
        List<Level> levels = new ArrayList<>();
        for (int r : rates) {
            levels.add(new Level(64, r, 0));
        }
        return levels;
    }
}
