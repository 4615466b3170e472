package mpmbench.loadgen.engine;

import java.util.List;

import mpmbench.loadgen.record.LatencyRecorders;

/**
 * The open model: each active connection sends on its {@link OpenSchedule}, whatever happened to the
 * earlier requests; a request due while its connection is busy waits, and the wait counts in the
 * corrected latency. Records the generator's own send lag: actual send − max(intended time, moment the
 * connection became free). Without keep-alive a connection is opened when its next request is due, and
 * the connect is part of the request.
 */
final class OpenSendPolicy implements SendPolicy {

    private final SingleThreadSelectorLoop loop;
    private final List<Connection> active;
    private final RunClock clock;
    private final LatencyRecorders recorders;
    private final WindowAccounting accounting;
    private final boolean keepAlive;

    OpenSendPolicy(SingleThreadSelectorLoop loop, List<Connection> active, RunClock clock,
                   LatencyRecorders recorders, WindowAccounting accounting, boolean keepAlive) {
        this.loop = loop;
        this.active = active;
        this.clock = clock;
        this.recorders = recorders;
        this.accounting = accounting;
        this.keepAlive = keepAlive;
    }

    @Override
    public void ready(Connection c, long now) {
        OpenSchedule s = c.schedule;
        long windowEnd = clock.windowEndNs();
        long sentAt = keepAlive ? now : c.connectStartedAt;
        int n = 0;
        while (c.canSend() && s.next() <= now && s.next() < windowEnd) {
            long intended = s.take();
            c.push(intended, sentAt);
            recorders.recordLag(LatencyRecorders.phase(intended, clock.warmupEndNs()),
                    sentAt - Math.max(intended, c.readySince));
            n++;
        }
        if (n > 0) {
            loop.send(c, n);
        }
    }

    @Override
    public long sendDue(long now) {
        long wake = Long.MAX_VALUE;
        for (int i = 0, n = active.size(); i < n; i++) {
            Connection c = active.get(i);
            long next = c.schedule.next();
            if (c.state == Connection.OPEN) {
                if (next <= now && c.canSend()) {
                    // a fresh time per send: the writes before this one took time too
                    ready(c, System.nanoTime());
                }
                if (c.canSend()) {
                    wake = Math.min(wake, c.schedule.next());
                }
            } else if (c.state == Connection.CLOSED && !keepAlive && now >= c.reconnectAt) {
                if (next <= now) {
                    loop.connect(c, System.nanoTime());
                } else {
                    wake = Math.min(wake, next);
                }
            }
        }
        return wake;
    }

    @Override
    public boolean reconnectsAtOnce() {
        return keepAlive;
    }

    @Override
    public void stop() {
        for (int i = 0, n = active.size(); i < n; i++) {
            accounting.unsent(active.get(i).schedule); // counted and recorded at a lower bound
        }
    }
}
