package mpmbench.loadgen.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import mpmbench.loadgen.SteadyState;

/**
 * {@code --settle} over several agents: the coordinator, not each agent, decides when the warm-up is
 * over, by the same rule as one generator ({@link SteadyState}) applied to the requests/s summed over
 * every agent (what the target sees), once the warm-up has lasted {@code --warmup}. When the summed
 * second {@code k} is steady, every agent is told to end its warm-up at its second {@code k + 1}
 * ({@code MEASURE k+1}): the agents started at one instant, so their second {@code k + 1} is one
 * instant too, within the measured start skew. That is one second later than one generator would end
 * it (the agents' second {@code k} is over before the coordinator has summed it). Without a decision
 * before the cap every agent ends its warm-up at the cap by itself, also at one instant.
 *
 * <p>Each agent then says when its warm-up ended ({@code MEASURING s steady}); an agent whose warm-up
 * ended at another second than the decided one (its {@code MEASURE} came late) measured another
 * window and is named by {@link #measuring}, so the coordinator can leave it out.
 *
 * <p>Thread-safe: the merged seconds and the agents' lines arrive on the agents' threads.
 */
final class AgentsSettle {

    private final long minWarmupMs;
    private final long capMs;
    private final LongConsumer measureAt;
    private final List<Long> warmupRps = new ArrayList<>();
    private long decided = Long.MAX_VALUE;

    /**
     * @param minWarmup  {@code --warmup}: the shortest warm-up
     * @param cap        {@code --settle}: the longest
     * @param measureAt  sends {@code MEASURE s} to every running agent (called at most once)
     */
    AgentsSettle(Duration minWarmup, Duration cap, LongConsumer measureAt) {
        this.minWarmupMs = minWarmup.toMillis();
        this.capMs = cap.toMillis();
        this.measureAt = measureAt;
    }

    /** A merged second (from {@link ProgressMerge}): decides once the summed requests/s are steady. */
    synchronized void second(long s, boolean warmup, long rps) {
        if (!warmup || decided != Long.MAX_VALUE) {
            return;
        }
        warmupRps.add(rps);
        // the agents end their warm-up at s + 1; at or past the cap, the cap ends it on its own
        if (s * 1000 >= minWarmupMs && (s + 1) * 1000 < capMs && SteadyState.settled(warmupRps)) {
            decided = s + 1;
            measureAt.accept(decided);
        }
    }

    /** The second every agent was told to end its warm-up at, or {@link Long#MAX_VALUE} when none. */
    synchronized long decided() {
        return decided;
    }

    /**
     * An agent's {@code MEASURING} line ({@code "s steady"}): its warm-up ended after {@code s} seconds.
     *
     * @return {@code null} when it ended where it should (the decided second, or the cap when none was
     *         decided), else one line saying where it ended instead
     */
    synchronized String measuring(String line) {
        double s = Double.parseDouble(line.strip().split(" ")[0]);
        long ms = Math.round(s * 1000);
        long expectedMs = decided != Long.MAX_VALUE ? decided * 1000 : capMs;
        if (Math.abs(ms - expectedMs) < 500) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "its warm-up ended after %.1f s, not %.1f s with the others "
                + "(MEASURE came late); its window is not theirs", s, expectedMs / 1000.0);
    }

    /** Whether the warm-up ended because the summed requests/s were steady (false: the cap ended it). */
    synchronized boolean settled() {
        return decided != Long.MAX_VALUE;
    }

    /** The common warm-up, s: the decided second, or the cap. */
    synchronized double warmupSeconds() {
        return decided != Long.MAX_VALUE ? decided : capMs / 1000.0;
    }
}
