package mpmbench.loadgen.engine;

import java.util.List;

import mpmbench.loadgen.record.Counter;

/**
 * The idle connections ({@code --idle}) of one {@link SingleThreadSelectorLoop}: opened after the
 * active ones, at most {@value #MAX_CONNECTING} connects in progress at a time (a new one starts when
 * one completes, so a server's accept queue is not flooded; over TLS a connect completes with its
 * handshake, so at most that many handshakes load the server at once); each sends one request, reads
 * the answer and re-sends every {@code --idle-interval} so keep-alive timeouts do not close it. Never
 * reopened. Every idle connection ends in exactly one {@link IdleClass}, counted by {@link #finish()}.
 *
 * <p>Over TLS a connection is established when its TCP connect completes, as over plain HTTP, and its
 * handshake is the first part of waiting for its first answer: a connection that waits in the server's
 * accept queue has completed its TCP connect either way, whether it sent a request (plain) or a
 * ClientHello (TLS). So {@code --connect-timeout} bounds the TCP connect only: a handshake not done
 * within {@code --timeout} of it counts in {@code idle_timeouts} and goes on waiting, as a late first
 * answer does, and one still going at the end is {@link IdleClass#OPEN_UNANSWERED}. (Cut at the
 * connect timeout, 92 of 300 idle TLS connections to java-event were lost for good in a suite cell
 * whose 300 plain ones were all served.) Called only from the loop's thread.
 */
final class IdleHolder {

    static final int MAX_CONNECTING = 64;
    /** How often re-sends and timeouts are checked, ms. */
    static final long SCAN_MS = 100;
    private static final long SCAN_NS = SCAN_MS * 1_000_000;

    private final SingleThreadSelectorLoop loop;
    private final List<Connection> idle;
    private final SingleWriterCounters counters;
    private final long intervalNs;
    private final long timeoutNs;
    private final long connectTimeoutNs;
    private int started;
    private int connecting;
    private long nextScan;

    IdleHolder(SingleThreadSelectorLoop loop, List<Connection> idle, SingleWriterCounters counters,
               long intervalNs, long timeoutNs, long connectTimeoutNs) {
        this.loop = loop;
        this.idle = idle;
        this.counters = counters;
        this.intervalNs = intervalNs;
        this.timeoutNs = timeoutNs;
        this.connectTimeoutNs = connectTimeoutNs;
    }

    boolean isEmpty() {
        return idle.isEmpty();
    }

    /**
     * Opens more, re-sends and counts request timeouts when the scan is due.
     *
     * @return when the next scan is due (nanoTime)
     */
    long scanIfDue(long now) {
        if (now < nextScan) {
            return nextScan;
        }
        openMore(now);
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
            } else if (c.state == Connection.OPEN) {
                if (c.inflight == 0 && !c.writing && now >= c.nextIdleSendAt) {
                    send(c, now);
                } else if (c.inflight > 0 && !c.idleTimedOut && now - c.oldestSent() >= timeoutNs) {
                    c.idleTimedOut = true;
                    counters.increment(Counter.IDLE_TIMEOUTS);
                }
            }
        }
        nextScan = now + SCAN_NS;
        return nextScan;
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

    private void openMore(long now) {
        while (!loop.stopped() && started < idle.size() && connecting < MAX_CONNECTING) {
            connecting++;
            loop.connect(idle.get(started++), now);
        }
    }

    private void send(Connection c, long now) {
        c.push(now, now);
        loop.write(c, 1);
    }
}
