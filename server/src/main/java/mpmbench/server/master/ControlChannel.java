package mpmbench.server.master;

import java.io.PrintStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import mpmbench.server.scoreboard.SharedScoreboard;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * How requests reach the master: httpd's signals where the JVM lets us take them (SIGTERM and
 * SIGINT stop, SIGHUP restart, SIGUSR1 graceful, SIGWINCH graceful-stop), and the scoreboard's control
 * word for any it does not ({@code mpmbench ctl} reads which from the header and picks the path).
 *
 * <p>HotSpot on Linux lets an application handle all five ({@code sun.misc.Signal}); it refuses
 * SIGQUIT (thread dumps) and, with {@code -Xrs}, others. A refused signal is reported once at start
 * and its request goes through the scoreboard instead.
 *
 * <p>Threading: signal handlers run on the JVM's signal thread and only queue the request and wake
 * the master's loop; {@link #poll()} is called by that loop alone.
 */
final class ControlChannel {

    private final Queue<ControlRequest> queue = new ConcurrentLinkedQueue<>();
    private final SharedScoreboard board;
    private final Runnable wake;

    ControlChannel(SharedScoreboard board, Runnable wake) {
        this.board = board;
        this.wake = wake;
    }

    /** Installs the handlers and records in the scoreboard which requests arrive by signal. */
    void install(PrintStream log) {
        int handled = 0;
        for (ControlRequest r : ControlRequest.values()) {
            if (handle(r.signal(), r, log)) {
                handled |= r.bit();
            }
        }
        handle("INT", ControlRequest.STOP, log);
        board.setSignalsHandled(handled);
    }

    /**
     * Takes one signal; false when it cannot be taken. A signal that whoever started us ignores
     * ({@code nohup} ignores SIGHUP) stays ignored: HotSpot then installs no handler and returns
     * SIG_IGN, so the request must come through the scoreboard instead.
     */
    private boolean handle(String signal, ControlRequest request, PrintStream log) {
        try {
            if (Signal.handle(new Signal(signal), s -> post(request)) == SignalHandler.SIG_IGN) {
                log.println("mpmbench serve: SIG" + signal + " is ignored by the process that started the server (nohup?); "
                        + "'mpmbench ctl -k " + request.word() + "' asks through the scoreboard");
                return false;
            }
            return true;
        } catch (IllegalArgumentException e) {
            log.println("mpmbench serve: SIG" + signal + " is taken by the JVM (" + e.getMessage() + "); use 'mpmbench ctl -k "
                    + request.word() + "', which asks through the scoreboard");
            return false;
        }
    }

    /** Queues a request from any thread and wakes the loop. */
    void post(ControlRequest request) {
        queue.add(request);
        wake.run();
    }

    /** True when a request waits; it stays queued for {@link #poll()}. */
    boolean pending() {
        int code = board.takeControlRequest();
        if (code != 0) {
            ControlRequest.ofCode(code).ifPresent(queue::add);
        }
        return !queue.isEmpty();
    }

    /** The next request, from a signal or the scoreboard, or null. */
    ControlRequest poll() {
        pending();
        return queue.poll();
    }
}
