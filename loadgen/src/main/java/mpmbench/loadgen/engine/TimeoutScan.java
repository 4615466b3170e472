package mpmbench.loadgen.engine;

import java.util.List;

import mpmbench.loadgen.record.Counter;

/**
 * The timers of the active connections, checked every {@value #SCAN_MS} ms (wrk checks its timeouts
 * on a timer too): connects not completed within {@code --connect-timeout}, requests not answered
 * within {@code --timeout} of their send, and closed connections whose reconnect is due (after the
 * back-off that follows a failed connect). Called only from the loop's thread.
 */
final class TimeoutScan {

    static final long SCAN_MS = 10;
    private static final long SCAN_NS = SCAN_MS * 1_000_000;

    private final SingleThreadSelectorLoop loop;
    private final List<Connection> active;
    private final SendPolicy policy;
    private final long timeoutNs;
    private final long connectTimeoutNs;
    private long nextScan;

    TimeoutScan(SingleThreadSelectorLoop loop, List<Connection> active, SendPolicy policy, long timeoutNs,
                long connectTimeoutNs) {
        this.loop = loop;
        this.active = active;
        this.policy = policy;
        this.timeoutNs = timeoutNs;
        this.connectTimeoutNs = connectTimeoutNs;
    }

    /**
     * Scans when due.
     *
     * @return when the next scan is due (nanoTime)
     */
    long scanIfDue(long now) {
        if (now < nextScan) {
            return nextScan;
        }
        for (int i = 0, n = active.size(); i < n; i++) {
            Connection c = active.get(i);
            switch (c.state) {
                case Connection.CONNECTING -> {
                    if (now - c.connectStartedAt >= connectTimeoutNs) {
                        loop.connectFailed(c, now, true);
                    }
                }
                case Connection.OPEN -> {
                    if (c.inflight > 0 && now - c.oldestSent() >= timeoutNs) {
                        loop.lose(c, Counter.ERR_TIMEOUT, now);
                    }
                }
                default -> {
                    if (!loop.stopped() && policy.reconnectsAtOnce() && now >= c.reconnectAt) {
                        loop.connect(c, now);
                    }
                }
            }
        }
        nextScan = now + SCAN_NS;
        return nextScan;
    }
}
