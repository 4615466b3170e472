package mpmbench.loadgen.engine;

import java.util.List;

import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.record.Counter;

/**
 * The idle connections ({@code --idle}) of one {@link SingleThreadSelectorLoop}: opened after the
 * active ones, at most {@link LoadSpec#IDLE_CONNECTING_PER_THREAD} connects in progress at a time (a new
 * one starts when one completes, so a server's accept queue is not flooded; over TLS a connect
 * completes with its handshake, so at most that many handshakes load the server at once) and, with
 * {@code --idle-rate}, each in its place of one schedule for the whole run (idle connection {@code j}
 * of the run at {@code start + j / rate}: the loops, which hold consecutive ranges of them, open one
 * after the other) and never sooner than {@code 1 / rate} after this loop's previous open, so a loop
 * that was late opens the rest at the rate, not in a burst; each sends one request,
 * reads the answer and re-sends {@code --idle-interval} after it sent the last one, so keep-alive
 * timeouts do not close it. Never reopened. Every idle connection ends in exactly one
 * {@link IdleClass}, counted by {@link #finish()}.
 *
 * <p>Re-sends are due one by one, each at its own time, not in batches: the answered connections wait
 * in a ring in the order they were answered, which is the order of their re-send times to within one
 * answer's latency, and each loop turn sends those whose time has come, at most twice as fast as their
 * average rate ({@code --idle} connections per {@code --idle-interval}) after a burst of
 * {@value #RESEND_BURST}: a loop that was late (its own TLS handshakes, the active connections' work)
 * catches up over a while rather than at once. Many independent idle clients do not answer a stall of
 * one generator's thread in unison; a burst of them leaves no idle worker in an event server, which
 * then closes every connection waiting in keep-alive (httpd's rule for a busy process). So did the
 * earlier way: each scan of the timeouts (every {@value #SCAN_MS} ms) sent every re-send due since.
 *
 * <p>Over TLS a connection is established when its TCP connect completes, as over plain HTTP, and its
 * handshake is the first part of waiting for its first answer: a connection that waits in the server's
 * accept queue has completed its TCP connect either way, whether it sent a request (plain) or a
 * ClientHello (TLS). So {@code --connect-timeout} bounds the TCP connect only: a handshake not done
 * within {@code --timeout} of it counts in {@code idle_timeouts} and goes on waiting, as a late first
 * answer does, and one still going at the end is {@link IdleClass#OPEN_UNANSWERED}. (Cut at the
 * connect timeout, 92 of 300 idle TLS connections to java-event were lost for good in a suite cell
 * whose 300 plain ones were all served.) Called only from the loop's thread; allocates nothing after
 * construction.
 */
final class IdleHolder {

    /** Re-sends that may go at once after a late loop turn, beyond the spacing. */
    static final int RESEND_BURST = 4;
    /** How often connect, handshake and request timeouts are checked, ms. */
    static final long SCAN_MS = 100;
    private static final long SCAN_NS = SCAN_MS * 1_000_000;

    private final SingleThreadSelectorLoop loop;
    private final List<Connection> idle;
    private final SingleWriterCounters counters;
    private final long intervalNs;
    /** Time between two opens, the run's {@code 1 / --idle-rate}, ns; 0: unpaced. */
    private final long openEveryNs;
    /** The run's place of this loop's first idle connection, and the schedule's start (nanoTime). */
    private final int firstPlace;
    private final long scheduleStartNs;
    /** When this loop's latest paced open started (nanoTime). */
    private long lastOpenAt = Long.MIN_VALUE / 2;
    private final long timeoutNs;
    private final long connectTimeoutNs;
    /** Answered connections waiting for their re-send, oldest first: a ring of {@link #queued} from {@link #head}. */
    private final Connection[] resends;
    private int head;
    private int queued;
    /** Least time between two re-sends beyond the burst: half the average ({@code interval / idle}), ns. */
    private final long resendSpacingNs;
    /** Earliest time the next re-send may go (nanoTime), the spacing's clock. */
    private long nextResendSlot;
    private int started;
    private int connecting;
    private long nextScan;

    /**
     * @param openEveryNs     the run's time between two opens ({@code 1 / --idle-rate}), ns; 0: unpaced
     * @param firstPlace      the run's place of {@code idle}'s first connection (0 for the first loop)
     * @param scheduleStartNs when the run's first idle connection may open (nanoTime)
     */
    IdleHolder(SingleThreadSelectorLoop loop, List<Connection> idle, SingleWriterCounters counters,
               long intervalNs, long openEveryNs, int firstPlace, long scheduleStartNs, long timeoutNs,
               long connectTimeoutNs) {
        this.loop = loop;
        this.idle = idle;
        this.counters = counters;
        this.intervalNs = intervalNs;
        this.openEveryNs = openEveryNs;
        this.firstPlace = firstPlace;
        this.scheduleStartNs = scheduleStartNs;
        this.timeoutNs = timeoutNs;
        this.connectTimeoutNs = connectTimeoutNs;
        this.resends = new Connection[Math.max(1, idle.size())];
        this.resendSpacingNs = intervalNs / Math.max(1, idle.size()) / 2;
    }

    boolean isEmpty() {
        return idle.isEmpty();
    }

    /**
     * Sends the re-sends that are due, opens more when the pace allows, and checks the timeouts when
     * their scan is due.
     *
     * @return when this holder next has something to do (nanoTime)
     */
    long scanIfDue(long now) {
        sendDue(now);
        if (now >= nextScan) {
            openMore(now); // unpaced, after a failed connect only here: a run out of descriptors does not spin
            scanTimeouts(now);
            nextScan = now + SCAN_NS;
        } else if (openEveryNs > 0) {
            openMore(now);
        }
        long next = nextScan;
        if (queued > 0) {
            next = Math.min(next, Math.max(resends[head].nextIdleSendAt, nextResendSlot));
        }
        if (openEveryNs > 0 && started < idle.size() && connecting < LoadSpec.IDLE_CONNECTING_PER_THREAD) {
            next = Math.min(next, nextOpenDue());
        }
        return next;
    }

    private void sendDue(long now) {
        while (queued > 0 && resends[head].nextIdleSendAt <= now && nextResendSlot <= now) {
            Connection c = resends[head];
            resends[head] = null;
            head = head + 1 == resends.length ? 0 : head + 1;
            queued--;
            if (c.state == Connection.OPEN && c.inflight == 0 && !c.writing) { // else lost since
                send(c, now);
                // at most RESEND_BURST at once after a pause: the slot never lags now by more than BURST - 1 spacings
                nextResendSlot = Math.max(nextResendSlot, now - (RESEND_BURST - 1) * resendSpacingNs) + resendSpacingNs;
            }
        }
    }

    private void scanTimeouts(long now) {
        for (int i = 0; i < started; i++) {
            Connection c = idle.get(i);
            if (c.state == Connection.CONNECTING && !c.tcpConnected) {
                if (now - c.connectStartedAt >= connectTimeoutNs) {
                    loop.connectFailed(c, now, true);
                }
            } else if (c.state == Connection.CONNECTING) { // TLS: the handshake, its first exchange
                if (!c.idleTimedOut && now - c.tcpConnectedAt >= timeoutNs) {
                    c.idleTimedOut = true;
                    counters.increment(Counter.IDLE_TIMEOUTS);
                }
            } else if (c.state == Connection.OPEN && c.inflight > 0 && !c.idleTimedOut
                    && now - c.oldestSent() >= timeoutNs) {
                c.idleTimedOut = true;
                counters.increment(Counter.IDLE_TIMEOUTS);
            }
        }
    }

    /** An idle connection's TCP connect completed (its TLS handshake, if any, follows). */
    void established() {
        counters.increment(Counter.IDLE_ESTABLISHED);
    }

    /**
     * An idle connect completed (plain: its TCP connect; TLS: its handshake too): send the first request
     * and start the next connect.
     */
    void connected(Connection c, long now) {
        connecting--;
        send(c, now);
        openMore(now);
    }

    /**
     * An idle TCP connect failed ({@code timedOut}: not completed within the connect timeout). Not
     * retried; the next connect starts at the next scan, so a run out of descriptors does not spin.
     */
    void connectFailed(Connection c, boolean timedOut) {
        connecting--;
        counters.increment(Counter.IDLE_FAILED);
        end(c, timedOut ? IdleClass.CONNECT_TIMEOUT : IdleClass.REFUSED);
    }

    /** The answer to an idle request is complete ({@code sent}: when the request was sent, nanoTime). */
    void answered(Connection c, long sent) {
        if (!c.idleAnswered) {
            c.idleAnswered = true;
            counters.increment(Counter.IDLE_ANSWERED);
        }
        c.idleTimedOut = false;
        c.nextIdleSendAt = sent + intervalNs;
        int tail = head + queued;
        resends[tail >= resends.length ? tail - resends.length : tail] = c; // at most once each: one request in flight
        queued++;
    }

    /** An established idle connection was closed by the server or lost to an error. */
    void lost(Connection c) {
        end(c, IdleClass.CLOSED);
    }

    /**
     * An established idle connection's TLS handshake failed (the server closed it, reset it, or sent an
     * alert): closed, as a plain one closed before its answer. The next connect starts at the next scan.
     */
    void handshakeFailed(Connection c) {
        connecting--;
        end(c, IdleClass.CLOSED);
    }

    /** The run ended: counts the connections still open and every connection's class. */
    void finish() {
        for (Connection c : idle) {
            if (c.idleEnd == null) {
                IdleClass k = switch (c.state) {
                    case Connection.OPEN -> c.idleAnswered ? IdleClass.OPEN_ANSWERED : IdleClass.OPEN_UNANSWERED;
                    // TLS: established, its handshake still going: unanswered, as a plain request would be
                    case Connection.CONNECTING -> c.tcpConnected ? IdleClass.OPEN_UNANSWERED : IdleClass.CONNECTING;
                    default -> IdleClass.NOT_STARTED;
                };
                if (c.state == Connection.OPEN || k == IdleClass.OPEN_UNANSWERED) {
                    counters.increment(Counter.IDLE_HELD);
                }
                end(c, k);
            }
            loop.close(c);
        }
    }

    private void end(Connection c, IdleClass k) {
        c.idleEnd = k;
        counters.increment(k.counter);
    }

    /** When this loop's next paced open is due: its place in the run's schedule, and the spacing. */
    private long nextOpenDue() {
        return Math.max(scheduleStartNs + (firstPlace + started) * openEveryNs, lastOpenAt + openEveryNs);
    }

    /**
     * Starts connects while fewer than {@link LoadSpec#IDLE_CONNECTING_PER_THREAD} are in progress and,
     * paced, while the next one is due ({@link #nextOpenDue}): never two within {@code 1 / rate}.
     */
    private void openMore(long now) {
        while (!loop.stopped() && started < idle.size() && connecting < LoadSpec.IDLE_CONNECTING_PER_THREAD) {
            if (openEveryNs > 0) {
                if (now < nextOpenDue()) {
                    return;
                }
                lastOpenAt = now;
            }
            connecting++;
            loop.connect(idle.get(started++), now);
        }
    }

    private void send(Connection c, long now) {
        c.push(now, now);
        loop.write(c, 1);
    }
}
