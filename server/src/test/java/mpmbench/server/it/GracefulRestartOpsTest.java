package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import mpmbench.loadgen.engine.Counter;
import mpmbench.loadgen.engine.Counts;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * httpd's promise for {@code apachectl -k graceful}, kept under continuous load: ten graceful
 * restarts in a row fail no request, and after each one every child is of the new generation.
 */
@Tag("ops")
class GracefulRestartOpsTest {

    private static final int RESTARTS = 10;

    @ParameterizedTest
    @MethodSource("mpmbench.server.it.OpsModels#allModels")
    void tenGracefulRestartsUnderLoadFailNoRequestAndReplaceEveryChild(String mpm, List<String> sets) throws Exception {
        try (RunningServer server = RunningServer.start(mpm, sets.toArray(String[]::new));
             SharedScoreboard board = server.board()) {
            BackgroundLoad load = BackgroundLoad.closed(server.port, "/hello", 8);
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
            assertEquals(0, load.failed(counts), mpm + ": failed requests across " + RESTARTS
                    + " graceful restarts: " + counts);
        }
    }
}
