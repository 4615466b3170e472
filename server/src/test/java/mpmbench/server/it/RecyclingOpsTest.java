package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * Children recycled by MaxConnectionsPerChild 100, and spare maintenance starting their successors,
 * under continuous load without keep-alive (a connection per request, so a child reaches its limit
 * every 100 requests): no request fails.
 */
@Tag("ops")
class RecyclingOpsTest {

    private static final Duration LOAD = Duration.ofSeconds(15);

    @ParameterizedTest
    @MethodSource("mpmbench.server.it.OpsModels#processModels")
    void recyclingEveryHundredConnectionsFailsNoRequest(String mpm, List<String> sets) throws Exception {
        try (RunningServer server = RunningServer.start(mpm, OpsModels.with(sets, "MaxConnectionsPerChild=100"));
             SharedScoreboard board = server.board()) {
            Set<Long> seen = new HashSet<>(OpsModels.children(board).keySet());
            // 150 requests/s: a child recycled every second or so, which 2 cores start comfortably.
            BackgroundLoad load = BackgroundLoad.openWithoutKeepAlive(server.port, "/hello", 4, 150);
            Counts counts;
            try {
                long end = System.nanoTime() + LOAD.toNanos();
                while (System.nanoTime() < end) {
                    seen.addAll(OpsModels.children(board).keySet());
                    Thread.sleep(50);
                }
            } finally {
                counts = load.stop();
            }
            assertTrue(counts.get(Counter.REQUESTS) >= 1_000, counts.toString());
            int initial = sets.contains("StartServers=6") ? 6 : 2;
            assertTrue(seen.size() >= initial + 5, "too few children recycled: " + seen.size() + " seen");
            assertEquals(0, load.failed(counts), mpm + ": failed requests while recycling: " + counts);
        }
    }
}
