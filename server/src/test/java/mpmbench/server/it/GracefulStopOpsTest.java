package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import mpmbench.server.scoreboard.SharedScoreboard;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * httpd's {@code -k graceful-stop}: requests in flight when it comes are all answered, then nothing
 * is left (no master, no child, no scoreboard, no pid file); and GracefulShutdownTimeout bounds it.
 * A hard stop escalates from SIGTERM to SIGKILL for a child that does not go.
 */
@Tag("ops")
class GracefulStopOpsTest {

    private static final int IN_FLIGHT = 6;

    @ParameterizedTest
    @MethodSource("mpmbench.server.it.OpsModels#allModels")
    void requestsInFlightAreAnsweredThenNothingIsLeft(String mpm, List<String> sets) throws Exception {
        RunningServer server = RunningServer.start(mpm, sets.toArray(String[]::new));
        try {
            List<ProcessHandle> all = server.master.toHandle().descendants().toList();
            List<CompletableFuture<Integer>> sleeps = new ArrayList<>();
            // Staggered, so that the last one still runs well after the others ended.
            for (int i = 0; i < IN_FLIGHT; i++) {
                sleeps.add(sleep(server.port, 1_500 + 300 * i));
            }
            // In flight means taken by a worker: a connection still in the listen queue when the stop
            // closes the listeners is refused, by httpd too (a child slow to start on a loaded
            // machine left one there after a fixed 500 ms).
            assertTrue(awaitHeld(server, IN_FLIGHT, 10), mpm + ": the requests were not all taken by workers");
            long t0 = System.nanoTime();
            assertEquals(0, server.ctl("graceful-stop"), server.output());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            for (CompletableFuture<Integer> s : sleeps) {
                assertEquals(200, s.get(10, TimeUnit.SECONDS), mpm + ": a request in flight was not answered");
            }
            assertTrue(ms >= 1_000, "the stop did not wait for the requests in flight: " + ms + " ms");
            assertTrue(server.master.waitFor(5, TimeUnit.SECONDS));
            assertTrue(all.stream().noneMatch(ProcessHandle::isAlive), "a child outlived the graceful stop");
            assertFalse(server.scoreboardExists(), "scoreboard left behind");
            assertFalse(Files.exists(server.pidFile), "pid file left behind");
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("mpmbench.server.it.OpsModels#processModels")
    void gracefulShutdownTimeoutCutsOffWhatTakesLonger(String mpm, List<String> sets) throws Exception {
        RunningServer server = RunningServer.start(mpm, OpsModels.with(sets, "GracefulShutdownTimeout=1"));
        try {
            List<ProcessHandle> all = server.master.toHandle().descendants().toList();
            CompletableFuture<Integer> slow = sleep(server.port, 30_000);
            Thread.sleep(500);
            long t0 = System.nanoTime();
            assertEquals(0, server.ctl("graceful-stop"), server.output());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms >= 1_000 && ms < 8_000, "graceful stop with a 1 s timeout took " + ms + " ms");
            assertEquals(-1, slow.get(10, TimeUnit.SECONDS), "the 30 s request should have been cut off");
            assertTrue(all.stream().noneMatch(ProcessHandle::isAlive), "a child outlived the graceful stop");
            assertFalse(server.scoreboardExists(), "scoreboard left behind");
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("mpmbench.server.it.OpsModels#processModels")
    void aHardStopEscalatesToSigkillForAChildThatDoesNotGo(String mpm, List<String> sets) throws Exception {
        RunningServer server = RunningServer.start(mpm, sets.toArray(String[]::new));
        try {
            List<ProcessHandle> all = server.master.toHandle().descendants().toList();
            ProcessHandle frozen = server.children().getFirst();
            // A stopped process keeps SIGTERM pending and does not exit; only SIGKILL ends it.
            new ProcessBuilder("kill", "-STOP", Long.toString(frozen.pid())).start().waitFor();
            long t0 = System.nanoTime();
            assertEquals(0, server.ctl("stop"), server.output());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms >= 4_500 && ms < 10_000, "stop took " + ms + " ms; SIGKILL is due after 5 s");
            assertTrue(all.stream().noneMatch(ProcessHandle::isAlive), "a child outlived the stop");
            assertFalse(server.scoreboardExists(), "scoreboard left behind");
        } finally {
            server.close();
        }
    }

    /** Waits until the children hold {@code n} connections (scoreboard), up to {@code seconds}. */
    private static boolean awaitHeld(RunningServer server, int n, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (SharedScoreboard board = server.board()) {
            while (true) {
                int held = 0;
                for (int slot = 0; slot < board.serverLimit(); slot++) {
                    held += board.pid(slot) > 0 ? OpsModels.connectionsHeld(board, slot) : 0;
                }
                if (held >= n) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(20);
            }
        }
    }

    /** GET /sleep?ms=N on its own connection; the status, or -1 if the connection failed. */
    private static CompletableFuture<Integer> sleep(int port, int ms) {
        return CompletableFuture.supplyAsync(() -> {
            try (HttpTestClient c = new HttpTestClient(port, 40_000)) {
                c.send("GET /sleep?ms=" + ms + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                return c.read(false).status();
            } catch (Exception e) {
                return -1;
            }
        }, r -> Thread.ofVirtual().start(r));
    }
}
