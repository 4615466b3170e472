package mpmbench.loadgen.engine;

/**
 * The fixed send schedule of one connection in the open model: request {@code k} is intended for
 * {@code start + offset + k·interval} (all nanoTime values, in ns), whatever happens to earlier
 * requests. The total rate R is spread over C connections: each has the interval C/R seconds, and
 * connection {@code i} is offset by {@code i/R} seconds, so the sends of all connections together
 * are evenly spaced.
 *
 * <p>Not thread-safe: owned by the connection's I/O thread.
 */
public final class OpenSchedule {

    private final long firstNs;
    private final long intervalNs;
    private long next;

    OpenSchedule(long firstNs, long intervalNs) {
        this.firstNs = firstNs;
        this.next = firstNs;
        this.intervalNs = Math.max(1, intervalNs);
    }

    /**
     * The schedule of connection {@code index} of {@code connections} at {@code ratePerSecond} in
     * total, starting at {@code startNs}.
     */
    public static OpenSchedule of(long startNs, double ratePerSecond, int index, int connections) {
        double perRequestNs = 1e9 / ratePerSecond;
        return new OpenSchedule(startNs + Math.round(index * perRequestNs),
                Math.round(connections * perRequestNs));
    }

    /** The intended send time of the next request (ns, nanoTime clock). */
    public long next() {
        return next;
    }

    /** Takes the next request: returns its intended send time and moves on by one interval. */
    public long take() {
        long t = next;
        next += intervalNs;
        return t;
    }

    /**
     * How many requests of the whole schedule (taken or not) are intended in {@code [fromNs, toNs)}:
     * pure arithmetic on the first time and the interval, so it counts what was scheduled whatever
     * happened to the requests. Any thread may call it (both are final).
     */
    public long intendedIn(long fromNs, long toNs) {
        return Math.max(0, intendedBefore(toNs) - intendedBefore(fromNs));
    }

    /** How many of {@code first + k·interval}, {@code k >= 0}, are before {@code endNs}. */
    private long intendedBefore(long endNs) {
        return endNs <= firstNs ? 0 : (endNs - firstNs + intervalNs - 1) / intervalNs;
    }

    /** The first intended time not yet taken that is at or after {@code fromNs} (ns). */
    public long nextAtOrAfter(long fromNs) {
        return next >= fromNs ? next : next + (fromNs - next + intervalNs - 1) / intervalNs * intervalNs;
    }

    public long intervalNs() {
        return intervalNs;
    }
}
