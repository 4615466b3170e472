package mpmbench.server.mpm.event;

import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * When the event child closes the connections that wait in keep-alive: httpd's event MPM's rule for
 * a busy process, kept in one place. Read from httpd 2.4.62's {@code server/mpm/event/event.c}
 * (2.4.x, the series Debian ships as 2.4.71; trunk's listener loop is the same):
 *
 * <ul>
 *   <li><b>When.</b> In each pass of its listener loop httpd sets {@code workers_were_busy} when it
 *       wanted a worker and none was idle: a keep-alive connection became readable and
 *       {@code get_worker()} found no idle worker (l. 1874–1877; httpd then closes that very
 *       connection too, "the client can re-connect to a different process"), the accept path's
 *       {@code connections_above_limit()} found no idle worker (l. 1885–1892; it sets the flag only
 *       when there are none, l. 511–528), or the blocking {@code get_worker()} before an accept had
 *       to wait (l. 1936). At the end of that pass, or when it is dying, it closes <em>every</em>
 *       connection of its keep-alive queue whatever its age ({@code process_keepalive_queue(0)},
 *       "kill'em all", l. 1982–1983 and 2012–2015; the TRACE1 line "All workers are busy or dying,
 *       will shutdown %u keep-alive connections", l. 1644–1646, "will close" in 2.4.48 and before).
 *       Why, in its comment (l. 1639–1641): "so that they may connect to another process".</li>
 *   <li><b>Which.</b> Only the keep-alive queue: connections that were answered and wait for their
 *       next request. A connection reading or writing a request sits in a worker, not in that queue,
 *       and lingering ones are already closing.</li>
 *   <li><b>How.</b> {@code shutdown_connection()} (l. 885–895): a short lingering close, FIN then reads
 *       dropped for at most 2 s (SECONDS_TO_LINGER), done by a worker; the connection stops counting
 *       against the limit at once ({@code lingering_count}).</li>
 *   <li><b>Accepting.</b> The listener leaves the pollset ({@code disable_listensocks()}) when the
 *       pass was busy or {@code connections_above_limit()}: connections − lingering ≥
 *       ThreadsPerChild + idle workers × AsyncRequestWorkerFactor; it comes back at the end of a pass
 *       that was not busy and is under the limit, counting one idle worker fewer while disabled so as
 *       not to flip-flop (l. 2038–2039, 518–521, 531–534), or when a worker going idle finds it so
 *       (l. 2115–2118).</li>
 * </ul>
 *
 * <p>What this model does, and where it differs:
 * <ul>
 *   <li>A pass is busy when the selector queued a readable connection for a worker and no worker was
 *       left unreserved (httpd's first case; the worker reservation is {@code idleWorkers} in
 *       {@link EventChild}).</li>
 *   <li>Ours: a pass is busy too when the listening socket was readable while this process had no
 *       room to accept, had had none for {@value #RECHECK_MS} ms at least, and no process of the
 *       server can take the client: every other one is at its limit too, none is starting, and the
 *       master may start no more (MaxRequestWorkers / ThreadsPerChild, ServerLimit). Until then the
 *       process at its limit only looks again {@value #RECHECK_MS} ms later (the listening socket
 *       leaves its selector meanwhile, as httpd's disabled listener leaves its pollset). The room is
 *       counted from the idle workers, so a burst of readable connections queued in one pass takes it
 *       for an instant (one child of 25 workers and AsyncRequestWorkerFactor 400 holding 3,600
 *       connections had none whenever 17 workers were reserved: 25 + 8 × 400 &lt; 3,600); until
 *       2026-12-07 such a refusal closed every keep-alive connection at once. httpd sets the flag at
 *       an accept only when no worker is idle. Its new connections take a worker from the accept
 *       until their first request is read, so a burst of connections finds the workers busy and
 *       empties the keep-alive queue; ours wait for their first request in the selector, so a process
 *       full of idle keep-alive connections keeps idle workers and would never close one, leaving
 *       every new client in the accept queue behind them (the {@code idle-keepalive} cells at 2,000
 *       and 10,000 connections of the reference run, all stalled). Closing keep-alive connections
 *       for a client that waits is what httpd's rule is for.</li>
 *   <li>The connection whose request arrived is never closed: it waits in the queue for a worker. Just
 *       before closing, a non-blocking select hands out the connections whose next request has
 *       arrived since the pass's select, so that none with bytes pending is closed.</li>
 *   <li>The close is at once (close_notify first over TLS), as this model closes a connection whose
 *       KeepAliveTimeout ran out, not httpd's short lingering close: it was answered, and nothing of
 *       ours is in flight that a reset could destroy. The slot is free at once either way.</li>
 *   <li>A graceful stop keeps its own rule (each waiting connection is served once more with
 *       {@code Connection: close}, or closed at KeepAliveTimeout), where httpd closes them all.</li>
 * </ul>
 * Each close is counted on the scoreboard ({@code KeepAliveClosedBusy} in {@code /server-status?auto}).
 *
 * <p>Threading: the selector thread only. Allocates nothing.
 */
final class BusyKeepAliveClose {

    /** How long a process at its limit waits before it looks again whether the server is full, in ms. */
    static final long RECHECK_MS = 100;
    private static final long RECHECK_NS = RECHECK_MS * 1_000_000;

    private boolean noWorkerIdle;
    private boolean acceptRefused;
    /** Busy passes so far by their cause, for the line the child prints at its stop. */
    private long passesNoWorkerIdle;
    private long passesNoRoom;
    /** Whether the process has had no room since {@link #noRoomSince} (nanoTime). */
    private boolean noRoom;
    private long noRoomSince;

    /** This pass queued a connection for a worker and none was left unreserved (httpd's case). */
    void noWorkerIdle() {
        noWorkerIdle = true;
    }

    /**
     * This pass found the listening socket readable while the process had no room to accept
     * ({@code now}: nanoTime).
     */
    void acceptRefused(long now) {
        acceptRefused = true;
        if (!noRoom) {
            noRoom = true;
            noRoomSince = now;
        }
    }

    /** A pass ended with room to accept: a later refusal starts a new run without room. */
    void hadRoom() {
        noRoom = false;
    }

    /**
     * Whether this pass must close the keep-alive connections, and clears the pass's facts: no
     * worker was idle, or a client waited that no process of the server can take ({@code board},
     * {@code self}, {@code maxChildren}: see {@link #serverFull}) while this process has had no room
     * for {@value #RECHECK_MS} ms at least. A process without room for a moment (a burst of readable
     * connections queued in one pass reserves its idle workers, and their reservations are its room)
     * has room again at its next pass: closing for that would close for a limit that is not there.
     */
    boolean takeBusy(SharedScoreboard board, int self, int maxChildren, long now) {
        boolean busy = noWorkerIdle
                || acceptRefused && now - noRoomSince >= RECHECK_NS && serverFull(board, self, maxChildren);
        if (busy) {
            if (noWorkerIdle) {
                passesNoWorkerIdle++;
            } else {
                passesNoRoom++;
            }
        }
        noWorkerIdle = false;
        acceptRefused = false;
        return busy;
    }

    /** Whether this pass refused an accept (before {@link #takeBusy}); the caller pauses its listener when it was not busy. */
    boolean acceptRefusedThisPass() {
        return acceptRefused;
    }

    /** The busy passes so far by cause, e.g. {@code "3 busy passes: 2 with no worker idle, 1 with no room"}. */
    String passes() {
        return (passesNoWorkerIdle + passesNoRoom) + " busy passes: " + passesNoWorkerIdle + " with no worker idle, "
                + passesNoRoom + " with a client no process had room for";
    }

    /** Forgets this pass's facts (a graceful stop, or after the close). */
    void clear() {
        noWorkerIdle = false;
        acceptRefused = false;
    }

    /**
     * No process of the server can take a new client now or soon: none is starting, every other one
     * that accepts is at its limit (httpd's {@code not_accepting}; process {@code self}, the caller,
     * knows it is), and they are {@code maxChildren} already, so the master starts no more. Reads the
     * scoreboard's process slots.
     */
    static boolean serverFull(SharedScoreboard board, int self, int maxChildren) {
        int serving = 0;
        for (int p = 0; p < board.serverLimit(); p++) {
            ProcessState state = board.processState(p);
            if (state == ProcessState.STARTING) {
                return false;
            }
            if (state == ProcessState.READY) {
                if (p != self && !board.notAccepting(p)) {
                    return false;
                }
                serving++;
            }
        }
        return serving >= maxChildren;
    }
}
