package mpmbench.loadgen.agent;

import java.time.Duration;

/**
 * An agent's wall clock against the coordinator's, measured as NTP does over the agent's ssh channel:
 * the coordinator notes its clock when it sends a ping ({@code t0}) and when the answer arrives
 * ({@code t2}); the agent answers with its clock ({@code t1}). If the two legs take equally long,
 * {@code offset = t1 − (t0 + t2) / 2}, and whatever the legs take the true offset lies within
 * {@code ± (t2 − t0) / 2} of it. Of several pings the one with the shortest round trip is kept.
 *
 * @param offsetUs      agent clock minus coordinator clock, µs
 * @param uncertaintyUs half the kept round trip, µs: the true offset is within {@code offsetUs ±
 *                      uncertaintyUs}
 */
public record ClockOffset(long offsetUs, long uncertaintyUs) {

    /**
     * @param sentUs     coordinator clock at each ping, µs since the epoch
     * @param agentUs    agent clock in each answer, µs since the epoch
     * @param receivedUs coordinator clock at each answer, µs since the epoch
     */
    public static ClockOffset estimate(long[] sentUs, long[] agentUs, long[] receivedUs) {
        if (sentUs.length == 0 || sentUs.length != agentUs.length || sentUs.length != receivedUs.length) {
            throw new IllegalArgumentException("need one agent stamp and one answer per ping, at least one");
        }
        int best = 0;
        for (int i = 1; i < sentUs.length; i++) {
            if (receivedUs[i] - sentUs[i] < receivedUs[best] - sentUs[best]) {
                best = i;
            }
        }
        long rtt = receivedUs[best] - sentUs[best];
        // t1 - (t0 + t2) / 2 without overflow of the sum
        long offset = agentUs[best] - sentUs[best] - rtt / 2;
        return new ClockOffset(offset, (rtt + 1) / 2);
    }

    /**
     * True when the agent's clock is certainly within {@code bound} of the coordinator's:
     * {@code |offset| + uncertainty <= bound}.
     */
    public boolean within(Duration bound) {
        return Math.abs(offsetUs) + uncertaintyUs <= bound.toNanos() / 1000;
    }

    /** A coordinator instant (µs) on the agent's clock. */
    public long toAgent(long coordinatorUs) {
        return coordinatorUs + offsetUs;
    }

    /** An agent instant (µs) on the coordinator's clock. */
    public long toCoordinator(long agentUs) {
        return agentUs - offsetUs;
    }
}
