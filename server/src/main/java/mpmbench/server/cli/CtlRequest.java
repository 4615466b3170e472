package mpmbench.server.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import mpmbench.server.master.ControlRequest;
import mpmbench.server.master.StaleFiles;
import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * One request of {@code mpmbench ctl} to a running master: sent by signal when the master handles
 * that signal, else written into the scoreboard's control word; then waited for: a stop until the
 * master is gone, a restart until a child of the new generation accepts. One line of output.
 */
final class CtlRequest {

    private static final long POLL_MS = 20;

    private final long masterPid;
    private final SharedScoreboard board;
    private final Duration timeout;

    CtlRequest(long masterPid, SharedScoreboard board, Duration timeout) {
        this.masterPid = masterPid;
        this.board = board;
        this.timeout = timeout;
    }

    int send(ControlRequest request) {
        long t0 = System.nanoTime();
        int generation = board.generation();
        boolean bySignal = (board.signalsHandled() & request.bit()) != 0;
        String how = bySignal ? "SIG" + request.signal() : "the scoreboard";
        if (bySignal) {
            if (!signal(request.signal())) {
                return CtlCommand.fail(1, "cannot send SIG" + request.signal() + " to pid " + masterPid);
            }
        } else {
            board.requestControl(request.code());
        }
        boolean stops = request == ControlRequest.STOP || request == ControlRequest.GRACEFUL_STOP;
        boolean done = stops
                ? await(() -> !StaleFiles.isLiveMaster(masterPid))
                : await(() -> newGenerationReady(generation));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (!done) {
            return CtlCommand.fail(1, request.word() + " (by " + how + ") not done after " + timeout.toSeconds()
                    + " s; pid " + masterPid + (stops ? " still runs" : " has not started a new generation"));
        }
        System.out.println("mpmbench ctl: " + request.word() + " done in " + ms + " ms (by " + how + ", pid "
                + masterPid + (stops ? ")" : ", generation " + board.generation() + ")"));
        return 0;
    }

    private boolean newGenerationReady(int before) {
        int now = board.generation();
        if (now <= before) {
            return false;
        }
        for (int slot = 0; slot < board.serverLimit(); slot++) {
            if (board.processGeneration(slot) == now && board.processState(slot) == ProcessState.READY) {
                return true;
            }
        }
        return false;
    }

    private boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(masterPid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
