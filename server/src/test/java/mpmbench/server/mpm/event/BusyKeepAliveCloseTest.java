package mpmbench.server.mpm.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.server.config.Mpm;
import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * The busy rule's two triggers on a real one-process scoreboard (so no other process can take a
 * client), with the pass times given: a pass with no worker idle closes at once (httpd's case); a
 * client refused for want of room closes only once the process has had no room for
 * {@value BusyKeepAliveClose#RECHECK_MS} ms, and a pass with room in between starts the wait again.
 */
class BusyKeepAliveCloseTest {

    private static final long MS = 1_000_000;
    private static final long T0 = 5_000 * MS;

    @TempDir
    Path dir;

    private SharedScoreboard board;
    private final BusyKeepAliveClose rule = new BusyKeepAliveClose();

    @BeforeEach
    void oneProcessServer() throws Exception {
        board = SharedScoreboard.create(dir.resolve("board"), 1, 2, Mpm.EVENT.ordinal(), 1);
        board.claimProcess(0, ProcessHandle.current().pid(), 0);
        board.setProcessState(0, ProcessState.READY);
        board.setNotAccepting(0, true);
    }

    @AfterEach
    void close() {
        board.close();
    }

    private boolean pass(long now) {
        return rule.takeBusy(board, 0, 1, now);
    }

    @Test
    void noWorkerIdleIsBusyAtOnce() {
        rule.noWorkerIdle();
        assertTrue(pass(T0));
        assertFalse(pass(T0 + MS), "the pass's facts were cleared");
        assertEquals("1 busy passes: 1 with no worker idle, 0 with a client no process had room for", rule.passes());
    }

    @Test
    void aRefusedClientClosesOnlyAfterTheProcessHasHadNoRoomForTheRecheckTime() {
        rule.acceptRefused(T0);
        assertFalse(pass(T0), "no room for an instant");
        rule.acceptRefused(T0 + (BusyKeepAliveClose.RECHECK_MS - 1) * MS);
        assertFalse(pass(T0 + (BusyKeepAliveClose.RECHECK_MS - 1) * MS));
        rule.acceptRefused(T0 + BusyKeepAliveClose.RECHECK_MS * MS);
        assertTrue(pass(T0 + BusyKeepAliveClose.RECHECK_MS * MS), "no room for the recheck time");
        assertEquals("1 busy passes: 0 with no worker idle, 1 with a client no process had room for", rule.passes());
    }

    @Test
    void aPassWithRoomStartsTheWaitAgain() {
        rule.acceptRefused(T0);
        assertFalse(pass(T0));
        rule.hadRoom(); // the workers reserved in a burst were back at the next pass
        long later = T0 + 2 * BusyKeepAliveClose.RECHECK_MS * MS;
        rule.acceptRefused(later);
        assertFalse(pass(later), "a new run without room began at this refusal");
        rule.acceptRefused(later + BusyKeepAliveClose.RECHECK_MS * MS);
        assertTrue(pass(later + BusyKeepAliveClose.RECHECK_MS * MS));
    }

    @Test
    void anotherProcessWithRoomKeepsTheConnections() throws Exception {
        board.close();
        board = SharedScoreboard.create(dir.resolve("board2"), 2, 2, Mpm.EVENT.ordinal(), 1);
        for (int p = 0; p < 2; p++) {
            board.claimProcess(p, ProcessHandle.current().pid(), 0);
            board.setProcessState(p, ProcessState.READY);
        }
        board.setNotAccepting(0, true); // this one is at its limit, process 1 is not
        rule.acceptRefused(T0);
        assertFalse(rule.takeBusy(board, 0, 2, T0 + 10 * BusyKeepAliveClose.RECHECK_MS * MS));
    }
}
