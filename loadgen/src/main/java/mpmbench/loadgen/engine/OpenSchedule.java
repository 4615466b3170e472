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

    private final long intervalNs;
    private long next;

    OpenSchedule(long firstNs, long intervalNs) {
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

    /** How many requests not yet taken are intended before {@code endNs}. */
    public long dueBefore(long endNs) {
        return next >= endNs ? 0 : (endNs - next + intervalNs - 1) / intervalNs;
    }

    public long intervalNs() {
        return intervalNs;
    }
}
