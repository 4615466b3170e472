package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * httpd's promise for {@code apachectl -k graceful}, kept under continuous load: ten graceful
 * restarts in a row, and after each one every child is of the new generation. The threaded models
 * fail no request. Prefork may: a request that reaches the listen queue while the old children
 * finish and the new ones (a JVM each) start can wait past the 2 s timeout, as the suite's
 * operational reference measures for both prefork implementations (results/2026-12-05-kvm-2vcpu-ops:
 * java-prefork 51 timeouts in 6 restarts, httpd-prefork 107 in 9) and as this test saw in 3 of 5 runs
 * on 2026-12-06 (exactly one request each time); so for prefork it bounds the loss instead: at most
 * one request per connection per restart.
 */
@Tag("ops")
class GracefulRestartOpsTest {

    private static final int RESTARTS = 10;
    private static final int CONNECTIONS = 8;

    @ParameterizedTest
    @MethodSource("mpmbench.server.it.OpsModels#allModels")
    void tenGracefulRestartsUnderLoadReplaceEveryChildAndLoseNothingButPreforksQueue(String mpm, List<String> sets) throws Exception {
        try (RunningServer server = RunningServer.start(mpm, sets.toArray(String[]::new));
             SharedScoreboard board = server.board()) {
            BackgroundLoad load = BackgroundLoad.closed(server.port, "/hello", CONNECTIONS);
            Counts counts;
            try {
                Thread.sleep(1_000);
                for (int i = 1; i <= RESTARTS; i++) {
                    Map<Long, Integer> before = OpsModels.children(board);
                    assertEquals(0, server.ctl("graceful"), server.output());
                    assertEquals(i, board.generation());
                    assertTrue(OpsModels.awaitGone(before.keySet(), 30),
                            "restart " + i + ": an old child did not finish: " + OpsModels.children(board));
                    // A child maintenance started just before the restart is old too; it goes as well.
                    int generation = i;
                    Map<Long, Integer> older = OpsModels.awaitOnly(board, generation, 30);
                    assertTrue(older.isEmpty(), "restart " + i + ": children of an older generation stay: " + older);
                    assertTrue(!OpsModels.children(board).isEmpty(), "restart " + i + ": no child");
                }
            } finally {
                counts = load.stop();
            }
            assertTrue(counts.get(Counter.REQUESTS) > 0, counts.toString());
            long failed = load.failed(counts);
            String what = mpm + ": failed requests across " + RESTARTS + " graceful restarts: " + counts;
            if (mpm.equals("prefork")) {
                assertTrue(failed <= (long) RESTARTS * CONNECTIONS, what);
                System.out.println("GracefulRestartOpsTest: " + what + " -> " + failed + " failed");
            } else {
                assertEquals(0, failed, what);
            }
        }
    }
}
