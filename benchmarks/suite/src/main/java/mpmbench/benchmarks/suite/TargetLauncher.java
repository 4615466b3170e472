package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.telemetry.TargetCgroup;

/**
 * Starts targets as separate processes, each in a session of its own ({@code setsid}) and a cgroup of
 * its own when one can be made ({@link TargetCgroup}, entered by {@code sh} before it execs), pinned with
 * {@code taskset} when the plan pins, on a free loopback port, from a fresh run directory under
 * {@code runBase} (readable by www-data and nginx's user: a docroot with {@code hello}, 13 bytes, and
 * {@code bytes}, {@link Scenarios#LARGE_BYTES}). It waits for the first 200 on {@code /hello} and then
 * for StartServers' capacity, and times both from the launch.
 *
 * <p>Peer configs are classpath resources under {@code peers/} (the files of {@code scripts/peers/}, packed by the build):
 * the suite does not need the scripts at run time.
 *
 * <p>Over HTTPS ({@link #start(TargetSpec, boolean)}, the {@code tls-*} scenarios) every target serves the
 * run's certificate ({@link RunCertificate}) with the same protocols, ciphers and session settings:
 * java-X gets {@code directives-https.txt} as {@code --set} flags (a {@code --set SSL...} of the suite's
 * wins), httpd-X {@code -D PEER_TLS} and {@code httpd-ssl.inc}, nginx {@code nginx-https.conf.template};
 * the readiness probes talk TLS too.
 */
public final class TargetLauncher {
    static final Path APACHE2 = Path.of("/usr/sbin/apache2");
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path APACHE_MODULES = Path.of("/usr/lib/apache2/modules");
    /** {@code mpmbench ctl}'s main class in the server jar. */
    static final String CTL_MAIN = "mpmbench.server.cli.CtlCommand";
    private static final long READY_TIMEOUT_MS = 60_000;
    private static final long FULL_TIMEOUT_MS = 30_000;
    /**
     * How often a starting target is probed, ms. httpd is ready about 60 ms after its launch, so a 10 ms
     * poll put up to a sixth of claim 1c's figure in the poll's phase (httpd-prefork 55–94 ms over three
     * rounds, 2026-12-06); a refused connect and a look at /proc cost microseconds, so the peers and every
     * first answer are probed each millisecond. Ours' capacity is read from /server-status, a request
     * the starting server must answer, so it stays at 10 ms (on a start of 2–4 s).
     */
    private static final long POLL_MS = 1;
    private static final long STATUS_POLL_MS = 10;
    /** ChildArchive's training timeout (120 s) and a JVM start. */
    private static final long AOT_TIMEOUT_S = 150;

    private final SuitePlan plan;
    private final RunCertificate certificate;
    /** {@link #launching()}. */
    private volatile RunningTarget launching;
    /** What each java-X started over TLS said its engine was (the word before its description), sorted. */
    private final Set<String> serverTlsEngines = new ConcurrentSkipListSet<>();
    /**
     * How {@code mpmbench serve} begins the line naming its TLS engine (the server's
     * {@code TlsContext.STARTUP_LINE}; the suite reads the server's output, not its classes).
     */
    static final String SERVER_TLS_LINE = "mpmbench serve: TLS: ";

    public TargetLauncher(SuitePlan plan) {
        this.plan = plan;
        this.certificate = new RunCertificate(plan.runBase(), plan.serverJar(), plan.java());
    }

    /** Removes the run's certificate and key, when one was made: call once, at the run's end. */
    public void deleteCertificate() {
        certificate.delete();
    }

    /**
     * The directives java-X runs with over HTTPS: {@link #directives}, then those of
     * {@code directives-https.txt} and the certificate's files that the suite's {@code --set} did not give.
     */
    Map<String, String> tlsDirectives(TargetSpec t, RunCertificate.Pem pem) {
        Map<String, String> all = new java.util.LinkedHashMap<>(directives(t));
        Map<String, String> tls = new java.util.LinkedHashMap<>(Directives.parse(Directives.resource(HTTPS_DIRECTIVES)));
        tls.put("SSLCertificateFile", pem.certificate().toString());
        tls.put("SSLCertificateKeyFile", pem.key().toString());
        tls.forEach(all::putIfAbsent);
        return all;
    }

    /** The TLS directives java-X gets over HTTPS, beside directives-MPM.txt (a classpath resource). */
    static final String HTTPS_DIRECTIVES = "peers/directives-https.txt";

    /** Why a target cannot run here (a peer that is not installed), or empty when it can. */
    public static Optional<String> unavailable(TargetSpec t, Path serverJar) {
        return switch (t.kind()) {
            case JAVA -> Files.isRegularFile(serverJar) ? Optional.empty()
                    : Optional.of("server jar not found: " + serverJar + " (build it: mvn -pl server -am package)");
            case HTTPD -> !Files.isExecutable(APACHE2) ? Optional.of("apache2 is not installed (scripts/install-peers)")
                    : !Files.exists(APACHE_MODULES.resolve("mod_mpm_" + t.mpm() + ".so"))
                            ? Optional.of("mod_mpm_" + t.mpm() + " is not installed") : Optional.empty();
            case NGINX -> Files.isExecutable(NGINX) ? Optional.empty()
                    : Optional.of("nginx is not installed (scripts/install-peers)");
            case URL -> Optional.empty();
        };
    }

    /** The directives java-X and httpd-X run with (empty for nginx and url=). */
    public Map<String, String> directives(TargetSpec t) {
        return directives(plan, t);
    }

    /** The directives java-X and httpd-X run with in {@code plan} (empty for nginx and url=). */
    static Map<String, String> directives(SuitePlan plan, TargetSpec t) {
        return switch (t.kind()) {
            case JAVA, HTTPD -> Directives.forMpm(t.mpm(), Directives.forTarget(plan.sets(), t.name()));
            default -> Map.of();
        };
    }

    /**
     * Makes the AOT cache of every java-X target before the first cell (issue 19): a start that builds
     * it took 3.2 s against about 1.6 s for the starts that find it, so no measured start may be the
     * one that builds it. Runs {@code serve --make-aot-cache} with the target's directives (the cache
     * is keyed by the jar and the child JVM flags) and returns one env.csv row per java target,
     * {@code aot_cache.TARGET}: {@code PATH present}, {@code PATH made in N ms}, {@code none (why)}
     * or {@code failed: why}. Call it once, after env.csv's other rows are collected.
     */
    public List<Row> prepareAotCaches() throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (TargetSpec t : plan.targets()) {
            if (t.kind() == TargetSpec.Kind.JAVA && unavailable(t, plan.serverJar(t)).isEmpty()) {
                rows.add(Row.builder(Schemas.ENV).put("key", "aot_cache." + t.name()).put("value", aotCache(t)).build());
            }
        }
        return rows;
    }

    private String aotCache(TargetSpec t) throws InterruptedException {
        List<String> cmd = new ArrayList<>(plan.pinTarget());
        cmd.addAll(List.of(plan.java(), "-jar", plan.serverJar(t).toString(), "--mpm", t.mpm(), "--make-aot-cache"));
        directives(t).forEach((k, v) -> cmd.addAll(List.of("--set", k + "=" + v)));
        try {
            Path log = Files.createTempFile(plan.runBase(), "aot-cache-", ".out");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(AOT_TIMEOUT_S, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "failed: no answer within " + AOT_TIMEOUT_S + " s";
            }
            String out = Files.readString(log);
            Files.delete(log);
            return out.lines().filter(l -> l.startsWith("aot cache: ")).map(l -> l.substring(11)).findFirst()
                    .orElse("failed: exit " + p.exitValue() + ", " + out.strip().replace('\n', ' '));
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        }
    }

    /** Starts a target over plain HTTP and waits until it is ready; throws with the reason when it does not get there. */
    public RunningTarget start(TargetSpec t) throws IOException, InterruptedException {
        return start(t, false);
    }

    /**
     * Starts a target, over HTTPS when {@code tls} (the run's certificate made first when it is the first),
     * and waits until it is ready; throws with the reason when it does not get there.
     */
    public RunningTarget start(TargetSpec t, boolean tls) throws IOException, InterruptedException {
        if (t.kind() == TargetSpec.Kind.URL) {
            if (tls) {
                throw new IOException("a url= target is reached as it is given (http://); the suite starts no TLS on it");
            }
            java.net.URI uri = java.net.URI.create(t.url());
            int port = uri.getPort() > 0 ? uri.getPort() : 80;
            return new RunningTarget(t, uri.getHost(), port, t.pid(), null, null, Double.NaN, Double.NaN, List.of(),
                    null);
        }
        int port = freePort();
        Path run = Files.createTempDirectory(plan.runBase(), t.name() + "-");
        prepareRunDir(run);
        RunCertificate.Pem pem = tls ? certificate.get() : null;
        Map<String, String> directives = tls && t.kind() == TargetSpec.Kind.JAVA ? tlsDirectives(t, pem) : directives(t);
        List<String> cmd = new ArrayList<>(plan.pinTarget());
        cmd.add("setsid");
        List<String> graceful = new ArrayList<>();
        switch (t.kind()) {
            case JAVA -> {
                Path pidFile = run.resolve("mpmbench.pid");
                cmd.addAll(List.of(plan.java(), "-jar", plan.serverJar(t).toString(), "--mpm", t.mpm(),
                        "--listen", "127.0.0.1:" + port, "--pidfile", pidFile.toString()));
                directives.forEach((k, v) -> cmd.addAll(List.of("--set", k + "=" + v)));
                graceful.addAll(List.of(plan.java(), "--enable-native-access=ALL-UNNAMED", "-cp",
                        plan.serverJar(t).toString(), CTL_MAIN, "-k", "graceful", "--pidfile", pidFile.toString()));
            }
            case HTTPD -> {
                Path conf = writeHttpdConf(run, t.mpm(), directives);
                List<String> config = new ArrayList<>(List.of("-f", conf.toString(),
                        "-C", "Define PEER_PORT " + port, "-C", "Define PEER_RUN " + run,
                        "-C", "Define PEER_DOCROOT " + run.resolve("www"), "-C", "Define PEER_MPM " + t.mpm(),
                        "-C", "Define PEER_CONF " + run)); // where httpd-common.inc finds cpu.lua (and httpd-ssl.inc)
                if (tls) { // httpd-common.inc includes PEER_CONF/httpd-ssl.inc under -D PEER_TLS
                    Files.writeString(run.resolve("httpd-ssl.inc"), Directives.resource("peers/httpd-ssl.inc"));
                    config.addAll(List.of("-D", "PEER_TLS",
                            "-C", "Define PEER_CERT " + pem.certificate(), "-C", "Define PEER_KEY " + pem.key()));
                }
                cmd.add(APACHE2.toString());
                cmd.addAll(config);
                cmd.add("-DFOREGROUND");
                // the same config, so the same PidFile: apache2 -k graceful sends SIGUSR1 to the PID in it
                graceful.add(APACHE2.toString());
                graceful.addAll(config);
                graceful.addAll(List.of("-k", "graceful"));
            }
            case NGINX -> {
                Path conf = run.resolve("nginx.conf");
                String template = Directives.resource(tls ? "peers/nginx-https.conf.template" : "peers/nginx.conf.template");
                if (tls) {
                    template = template.replace("@CERT@", pem.certificate().toString())
                            .replace("@KEY@", pem.key().toString());
                }
                Files.writeString(conf, template.replace("@PORT@", Integer.toString(port)).replace("@RUN@", run.toString())
                        .replace("@DOCROOT@", run.resolve("www").toString()));
                cmd.addAll(List.of(NGINX.toString(), "-c", conf.toString(), "-g", "daemon off;"));
                // reads the pid file the config names and sends SIGHUP: new workers, old ones finish
                graceful.addAll(List.of(NGINX.toString(), "-c", conf.toString(), "-s", "reload"));
            }
            default -> throw new IllegalStateException();
        }
        // A cgroup of its own, entered before the target execs: the kernel then counts every process
        // it forks, exited ones included (telemetry.TargetCgroup); /proc when none can be made.
        TargetCgroup group = TargetCgroup.makeOrWarn(t.name()).orElse(null);
        if (group != null) {
            int at = cmd.indexOf("setsid") + 1;
            List<String> target = new ArrayList<>(cmd.subList(at, cmd.size()));
            cmd.subList(at, cmd.size()).clear();
            cmd.addAll(group.wrap(target));
        }
        Files.writeString(run.resolve("command.txt"), String.join(" ", cmd) + "\n");
        long t0 = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(run.resolve("target.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            if (group != null) {
                group.close();
            }
            throw e;
        }
        RunningTarget partial = new RunningTarget(t, "127.0.0.1", port, (int) p.pid(), p, run, Double.NaN, Double.NaN,
                graceful, group, tls);
        launching = partial;
        try {
            double firstOk = waitFirstOk(p, port, t0, tls);
            if (tls && t.kind() == TargetSpec.Kind.JAVA) {
                noteTlsEngine(run.resolve("target.out"));
            }
            double full = waitFullCapacity(partial, directives, t0);
            return new RunningTarget(t, "127.0.0.1", port, (int) p.pid(), p, run, firstOk, full, graceful, group, tls);
        } catch (IOException | RuntimeException e) {
            partial.close();
            throw new IOException(e.getMessage() + " (its run directory is kept: " + run + ")", e);
        } catch (InterruptedException e) {
            partial.close();
            throw e;
        } finally {
            launching = null;
        }
    }

    /** The TLS engines java-X targets said they used ({@link #SERVER_TLS_LINE}): env.csv's server_tls_engine. */
    public SortedSet<String> serverTlsEngines() {
        return new TreeSet<>(serverTlsEngines);
    }

    private void noteTlsEngine(Path targetOut) throws IOException {
        Files.readAllLines(targetOut, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(SERVER_TLS_LINE))
                .map(l -> l.substring(SERVER_TLS_LINE.length()).split(" ", 2)[0])
                .forEach(serverTlsEngines::add);
    }

    /**
     * The target spawned by a {@link #start} still waiting for it to be ready, or null: a suite stopped
     * by SIGTERM or Ctrl-C in that second or two must stop it too (its master would outlive the suite).
     * Any thread; set and cleared by the thread in {@link #start}.
     */
    RunningTarget launching() {
        return launching;
    }

    private static double waitFirstOk(Process p, int port, long t0, boolean tls) throws IOException, InterruptedException {
        long deadline = t0 + READY_TIMEOUT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("exited with status " + p.exitValue() + " before answering /hello");
            }
            if (HttpProbe.get("127.0.0.1", port, "/hello", 1000, tls).status() == 200) {
                return (System.nanoTime() - t0) / 1e6;
            }
            Thread.sleep(POLL_MS);
        }
        throw new IOException("no 200 on " + (tls ? "https" : "http") + " /hello within " + READY_TIMEOUT_MS / 1000 + " s");
    }

    /**
     * Ours: {@code /server-status?auto} shows StartServers processes, none starting, and their workers.
     * httpd and nginx: the process tree holds the master and StartServers children (nginx: 1 worker).
     * NaN when it is not reached within 30 s (the run goes on).
     */
    private static double waitFullCapacity(RunningTarget t, Map<String, String> d, long t0) throws InterruptedException {
        int start = Directives.intValue(d, "StartServers", 1);
        int tpc = Directives.intValue(d, "ThreadsPerChild", 25);
        long deadline = System.nanoTime() + FULL_TIMEOUT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (fullCapacity(t, start, tpc)) {
                return (System.nanoTime() - t0) / 1e6;
            }
            Thread.sleep(t.spec().kind() == TargetSpec.Kind.JAVA ? STATUS_POLL_MS : POLL_MS);
        }
        return Double.NaN;
    }

    private static boolean fullCapacity(RunningTarget t, int start, int tpc) {
        String mpm = t.spec().mpm();
        return switch (t.spec().kind()) {
            case JAVA -> {
                HttpProbe.Answer a = HttpProbe.get(t.host(), t.port(), "/server-status?auto", 1000, t.tls());
                if (a.status() != 200) {
                    yield false;
                }
                int procs = Targets.processesAtStart(mpm, start);
                int workers = Targets.workersAtStart(mpm, start, tpc);
                long busy = HttpProbe.autoField(a.body(), "BusyWorkers");
                long idle = HttpProbe.autoField(a.body(), "IdleWorkers");
                yield HttpProbe.autoField(a.body(), "Processes") >= procs && busy + idle >= workers
                        && !HttpProbe.autoText(a.body(), "Scoreboard").contains("S");
            }
            case HTTPD -> 1 + t.descendants().size() >= 1 + start;
            case NGINX -> t.descendants().size() >= 1;
            case URL -> true;
        };
    }

    private Path writeHttpdConf(Path run, String mpm, Map<String, String> directives) throws IOException {
        Files.writeString(run.resolve("httpd-common.inc"), Directives.resource("peers/httpd-common.inc"));
        Path cpu = run.resolve("cpu.lua"); // /cpu (claim 6), read by httpd's children (www-data)
        Files.writeString(cpu, Directives.resource("peers/cpu.lua"));
        Files.setPosixFilePermissions(cpu, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> lines = new ArrayList<>();
        lines.add("# Written by mpmbench suite: Debian's apache2 with mpm_" + mpm + " and the suite's directives.");
        lines.add("LoadModule mpm_" + mpm + "_module " + APACHE_MODULES.resolve("mod_mpm_" + mpm + ".so"));
        lines.add("Include " + run.resolve("httpd-common.inc"));
        lines.add("# The same values java-" + mpm + " gets as --set flags (later lines win over the include):");
        lines.addAll(Directives.httpdLines(directives));
        Path conf = run.resolve("httpd.conf");
        Files.write(conf, lines, StandardCharsets.UTF_8);
        return conf;
    }

    private static void prepareRunDir(Path run) throws IOException {
        Path www = run.resolve("www");
        Files.createDirectories(www);
        Files.writeString(www.resolve("hello"), "Hello, World!", StandardCharsets.US_ASCII);
        Files.write(www.resolve("bytes"), "x".repeat(Scenarios.LARGE_BYTES).getBytes(StandardCharsets.US_ASCII));
        var dir = PosixFilePermissions.fromString("rwxr-xr-x");
        var file = PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(run, dir);
        Files.setPosixFilePermissions(www, dir);
        Files.setPosixFilePermissions(www.resolve("hello"), file);
        Files.setPosixFilePermissions(www.resolve("bytes"), file);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
