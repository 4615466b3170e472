package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * {@code mpmbench serve} without a pid file flag, then {@code mpmbench ctl} without one, as a new
 * user types them: serve writes its default pid file (one per listen address) and ctl finds it, the
 * one server running or the one of {@code --listen}; a stale file is told apart from a live one.
 * Both run as processes of their own, with {@code XDG_RUNTIME_DIR} set to a temporary directory so
 * the servers of other tests on this machine are not seen.
 */
class DefaultPidFileTest {

    private static final String[] ONE_PREFORK = {"StartServers=1", "MinSpareServers=1", "MaxSpareServers=2"};

    @TempDir
    Path runtime;

    private record Ctl(int status, String out) {
    }

    @Test
    void ctlFindsAServerStartedWithoutAPidFileFlagAndItsStopRemovesTheFile() throws Exception {
        Path dir = runtime.resolve("mpmbench");
        Files.createDirectories(dir);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = dir.resolve("127.0.0.1-1.pid");
        Files.writeString(stale, gone.pid() + "\n"); // a master killed long ago: not a server running
        try (RunningServer server = RunningServer.startWithDefaultPidFile(runtime, "prefork", ONE_PREFORK)) {
            Path pidFile = dir.resolve("127.0.0.1-" + server.port + ".pid");
            assertEquals(pidFile, server.pidFile, server.output());
            assertEquals(Long.toString(server.master.pid()), Files.readString(pidFile).strip());

            Ctl graceful = ctl("-k", "graceful");
            assertEquals(0, graceful.status(), graceful.out());
            try (SharedScoreboard board = server.board()) {
                assertEquals(1, board.generation());
            }
            Ctl status = ctl("-k", "status", "--listen", "localhost:" + server.port);
            assertEquals(0, status.status(), status.out());
            assertTrue(status.out().contains("running, master pid " + server.master.pid()), status.out());

            Ctl stop = ctl("-k", "stop");
            assertEquals(0, stop.status(), stop.out());
            assertTrue(server.master.waitFor(10, TimeUnit.SECONDS), server.output());
            assertFalse(Files.exists(pidFile), "a clean stop removes the pid file");
            Ctl after = ctl("-k", "status");
            assertEquals(3, after.status(), after.out());
            assertTrue(after.out().contains("not running (no pid file of a running master in " + dir), after.out());
            Ctl stale1 = ctl("-k", "stop", "--listen", "127.0.0.1:1");
            assertEquals(1, stale1.status(), stale1.out());
            assertTrue(stale1.out().contains("pid " + gone.pid() + " of " + stale + " is gone"), stale1.out());
        }
    }

    @Test
    void twoServersWriteTwoFilesAndCtlAsksWhichOneItMeans() throws Exception {
        try (RunningServer a = RunningServer.startWithDefaultPidFile(runtime, "prefork", ONE_PREFORK);
             RunningServer b = RunningServer.startWithDefaultPidFile(runtime, "worker", "StartServers=1")) {
            Ctl which = ctl("-k", "graceful");
            assertEquals(2, which.status(), which.out());
            assertTrue(which.out().contains("2 servers run; name one with --listen HOST:PORT or --pidfile FILE: "),
                    which.out());
            assertTrue(which.out().contains("127.0.0.1:" + a.port + " (pid " + a.master.pid() + ")")
                    && which.out().contains("127.0.0.1:" + b.port + " (pid " + b.master.pid() + ")"), which.out());
            Ctl status = ctl("-k", "status", "--listen", "127.0.0.1:" + b.port);
            assertEquals(0, status.status(), status.out());
            assertTrue(status.out().contains("running, master pid " + b.master.pid()), status.out());
        }
    }

    /** {@code mpmbench ctl ARGS} as its own process, seeing the test's run directory; stdout and stderr together. */
    private Ctl ctl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "mpmbench.server.cli.CtlCommand"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), out);
        return new Ctl(p.exitValue(), out);
    }
}
