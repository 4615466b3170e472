package mpmbench.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpmbench.server.cli.CtlCommand;
import mpmbench.server.scoreboard.SharedScoreboard;
import picocli.CommandLine;

/**
 * A real server for tests: {@code mpmbench serve} started as its own process (master JVM plus child
 * JVMs) on an ephemeral loopback port, with a pid file in a fresh temporary directory (removed at
 * {@link #close}) or, with {@link #startWithDefaultPidFile}, with none named, stopped with SIGTERM.
 */
final class RunningServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on ([0-9.]+):(\\d+)");
    private static final Pattern SCOREBOARD = Pattern.compile("scoreboard (\\S+)");
    private static final Pattern PID_FILE = Pattern.compile("pid file (\\S+)");

    final Process master;
    final int port;
    final Path scoreboard;
    final Path pidFile;
    private final List<String> output;
    private final Path ownDirectory;
    /** Started with SSLEngine=on: clients speak TLS. */
    private boolean tls;

    private RunningServer(Process master, int port, Path scoreboard, Path pidFile, List<String> output,
                          Path ownDirectory) {
        this.master = master;
        this.port = port;
        this.scoreboard = scoreboard;
        this.pidFile = pidFile;
        this.output = output;
        this.ownDirectory = ownDirectory;
    }

    static RunningServer start(String mpm, String... sets) throws Exception {
        return start(List.of(), mpm, sets);
    }

    /** @param wrapper a command the server runs under, e.g. {@code prlimit --nofile=128:128}; may be empty */
    static RunningServer start(List<String> wrapper, String mpm, String... sets) throws Exception {
        Path dir = Files.createTempDirectory("mpmbench-test-");
        return start(wrapper, dir.resolve("master.pid"), Map.of(), dir, mpm, sets);
    }

    /** With {@code pidFile} in a directory the caller owns. */
    static RunningServer start(List<String> wrapper, Path pidFile, String mpm, String... sets) throws Exception {
        return start(wrapper, pidFile, Map.of(), null, mpm, sets);
    }

    /**
     * Without {@code --pidfile}, as a user starts it: serve writes its default pid file, in
     * {@code runtimeDir/mpmbench} ({@code XDG_RUNTIME_DIR} is set to {@code runtimeDir}).
     */
    static RunningServer startWithDefaultPidFile(Path runtimeDir, String mpm, String... sets) throws Exception {
        return start(List.of(), null, Map.of("XDG_RUNTIME_DIR", runtimeDir.toString()), null, mpm, sets);
    }

    private static RunningServer start(List<String> wrapper, Path pidFile, Map<String, String> env, Path ownDirectory,
                                       String mpm, String... sets) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command(wrapper, pidFile, mpm, sets)).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<int[]> port = new CompletableFuture<>();
        CompletableFuture<Path> board = new CompletableFuture<>();
        CompletableFuture<Path> written = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(new int[] {Integer.parseInt(m.group(2))});
                    }
                    Matcher s = SCOREBOARD.matcher(line);
                    if (s.find()) {
                        board.complete(Path.of(s.group(1)));
                    }
                    Matcher f = PID_FILE.matcher(line);
                    if (f.find()) {
                        written.complete(Path.of(f.group(1)));
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
            port.completeExceptionally(new IllegalStateException("server exited: " + output));
        });
        int actual = port.get(20, TimeUnit.SECONDS)[0];
        RunningServer server = new RunningServer(p, actual, board.get(5, TimeUnit.SECONDS),
                written.get(5, TimeUnit.SECONDS), output, ownDirectory);
        server.tls = List.of(sets).contains("SSLEngine=on");
        server.awaitReady(Duration.ofSeconds(20));
        return server;
    }

    /** The command line of {@code mpmbench serve} as these tests run it; no {@code --pidfile} when it is null. */
    static List<String> command(List<String> wrapper, Path pidFile, String mpm, String... sets) {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add("mpmbench.server.cli.ServeCommand");
        cmd.add("--mpm=" + mpm);
        cmd.add("--listen=127.0.0.1:0");
        if (pidFile != null) {
            cmd.add("--pidfile=" + pidFile);
        }
        cmd.add("--set=ChildJvmOptions=-XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1 -Xshare:auto");
        for (String s : sets) {
            cmd.add("--set=" + s);
        }
        return cmd;
    }

    /** Waits until /hello answers, i.e. at least one child accepts. */
    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (HttpTestClient c = client()) {
                if (c.get("/hello").status() == 200) {
                    return;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("server not ready: " + output, e);
                }
                Thread.sleep(50);
            }
        }
    }

    /** A client of this server: over TLS when it was started with SSLEngine=on. */
    HttpTestClient client() throws IOException {
        return tls ? HttpTestClient.tls(port, 5_000) : new HttpTestClient(port);
    }

    List<ProcessHandle> children() {
        return master.toHandle().children().filter(ProcessHandle::isAlive).toList();
    }

    /** Waits until exactly {@code n} children are alive, up to {@code timeout}. */
    List<ProcessHandle> awaitChildren(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> now = children();
        while (now.size() != n && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = children();
        }
        return now;
    }

    /** The server's scoreboard, mapped for reading (close it after use). */
    SharedScoreboard board() throws IOException {
        return SharedScoreboard.open(scoreboard);
    }

    /** Runs {@code mpmbench ctl -k action} against this server, in this JVM; returns its exit status. */
    int ctl(String action, String... more) {
        List<String> args = new ArrayList<>(List.of("-k", action, "--pidfile", pidFile.toString(), "--timeout", "60"));
        args.addAll(List.of(more));
        return new CommandLine(new CtlCommand()).execute(args.toArray(String[]::new));
    }

    /** What the master (and its children) printed so far; any thread, while lines still arrive. */
    String output() {
        synchronized (output) { // a synchronized list's iteration must hold its lock
            return String.join("\n", output);
        }
    }

    boolean scoreboardExists() {
        return Files.exists(scoreboard);
    }

    /**
     * Sends SIGTERM to the master and says what it left behind after 10 s: a live master, a live
     * child, the scoreboard file or the pid file; empty when the stop was clean.
     */
    List<String> stopAndListLeftovers() throws Exception {
        List<ProcessHandle> kids = master.toHandle().descendants().toList();
        master.destroy();
        List<String> left = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        if (!master.waitFor(10, TimeUnit.SECONDS)) {
            left.add("master " + master.pid());
        }
        for (ProcessHandle k : kids) {
            long leftNs = Math.max(1, deadline - System.nanoTime());
            try {
                k.onExit().get(leftNs, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                left.add("child " + k.pid());
            }
        }
        if (scoreboardExists()) {
            left.add("scoreboard " + scoreboard);
        }
        if (Files.exists(pidFile)) {
            left.add("pid file " + pidFile);
        }
        close();
        return left;
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> kids = master.toHandle().descendants().toList();
        master.destroy();
        if (!master.waitFor(15, TimeUnit.SECONDS)) {
            master.destroyForcibly();
        }
        kids.forEach(ProcessHandle::destroyForcibly);
        if (ownDirectory != null) {
            deleteTree(ownDirectory);
        }
    }

    /** Deletes a directory and what is in it (a pid file a killed master left), leaving no litter in /tmp. */
    static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // gone already, or a file vanished meanwhile: the test's outcome does not depend on it
        }
    }
}
