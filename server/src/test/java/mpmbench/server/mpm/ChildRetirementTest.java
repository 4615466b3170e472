package mpmbench.server.mpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.server.config.ConfigLoader;
import mpmbench.server.config.Mpm;
import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * MaxConnectionsPerChild 20, successor first: the child announces its retirement 10 % before the
 * limit, and stops accepting only when it reached the limit and the master allowed it.
 */
class ChildRetirementTest {

    private static final int LIMIT = 20;
    private static final int SLOT = 1;

    @TempDir
    Path dir;

    private final AtomicInteger stopAccepting = new AtomicInteger();

    @Test
    void announcesAtNinetyPercentAndKeepsAcceptingUntilAllowed() throws IOException {
        try (SharedScoreboard board = board()) {
            ChildContext ctx = child(board);
            accept(ctx, LIMIT - 3);
            assertFalse(board.retiring(SLOT), "17 of 20: not yet");
            accept(ctx, 1);
            assertTrue(board.retiring(SLOT), "18 of 20: successor wanted");
            accept(ctx, 10);
            assertEquals(0, stopAccepting.get(), "past the limit, successor not ready: still accepting");
            assertEquals(ProcessState.READY, board.processState(SLOT));
            board.allowRetiring(SLOT);
            ctx.stopIfRetired();
            assertEquals(1, stopAccepting.get());
            assertEquals(ProcessState.STOPPING, board.processState(SLOT));
        }
    }

    @Test
    void anEarlySuccessorLetsTheChildServeItsWholeLimit() throws IOException {
        try (SharedScoreboard board = board()) {
            ChildContext ctx = child(board);
            accept(ctx, LIMIT - 2);
            board.allowRetiring(SLOT);
            ctx.stopIfRetired();
            accept(ctx, 1);
            assertEquals(0, stopAccepting.get(), "19 of 20, allowed: still accepting");
            accept(ctx, 1);
            assertEquals(1, stopAccepting.get(), "20 of 20, allowed: stops");
        }
    }

    private SharedScoreboard board() throws IOException {
        SharedScoreboard board = SharedScoreboard.create(dir.resolve("board"), 2, 1, 0, 42);
        board.claimProcess(SLOT, 99, 0);
        board.setProcessState(SLOT, ProcessState.READY);
        return board;
    }

    private ChildContext child(SharedScoreboard board) {
        ChildContext ctx = new ChildContext(ConfigLoader.forModel(Mpm.PREFORK)
                .set("MaxConnectionsPerChild=" + LIMIT).load().config(), null, board, SLOT);
        ctx.onStop(stopAccepting::incrementAndGet);
        return ctx;
    }

    private static void accept(ChildContext ctx, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            try (SocketChannel ch = SocketChannel.open()) {
                assertTrue(ctx.accepted(ch));
            }
        }
    }
}
