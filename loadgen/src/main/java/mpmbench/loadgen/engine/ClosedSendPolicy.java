package mpmbench.loadgen.engine;

/**
 * The closed model: a connection sends its next request (or fills its pipeline) as soon as the
 * previous answer is complete; latency is measured from the actual send, which without keep-alive is
 * the start of the connect.
 */
final class ClosedSendPolicy implements SendPolicy {

    private final SingleThreadSelectorLoop loop;
    private final RunClock clock;
    private final boolean keepAlive;

    ClosedSendPolicy(SingleThreadSelectorLoop loop, RunClock clock, boolean keepAlive) {
        this.loop = loop;
        this.clock = clock;
        this.keepAlive = keepAlive;
    }

    @Override
    public void ready(Connection c, long now) {
        long sentAt = keepAlive ? now : c.connectStartedAt;
        if (sentAt >= clock.windowEndNs()) {
            return; // the loop has not noticed the window's end yet: a request now would be no one's
        }
        int n = 0;
        while (c.canSend()) {
            c.push(sentAt, sentAt);
            n++;
        }
        if (n > 0) {
            loop.send(c, n);
        }
    }

    @Override
    public long sendDue(long now) {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean reconnectsAtOnce() {
        return true;
    }

    @Override
    public void stop() {
        // nothing is scheduled, so nothing is left unsent
    }
}
