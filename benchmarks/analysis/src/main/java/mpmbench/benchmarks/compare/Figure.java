package mpmbench.benchmarks.compare;

import java.util.List;

import mpmbench.benchmarks.catalogue.Scenarios;

/**
 * A figure {@code compare} judges, and which way is better.
 *
 * @param column        the summary.csv column
 * @param higherIsBetter true for throughput, false for latencies and costs
 */
public record Figure(String column, boolean higherIsBetter) {

    static final List<Figure> LOAD = List.of(new Figure("rps", true), new Figure("p50_ms", false),
            new Figure("p99_ms", false), new Figure("cpu_us_per_req", false));
    static final List<Figure> STARTUP = List.of(new Figure("first_200_ms", false), new Figure("full_capacity_ms", false));
    /**
     * A crash window's p99 and CPU per request are the kill's: the requests it broke and the
     * replacement child's start-up, which vary with where the kill lands. Its throughput and median
     * latency are judged; the rest is in cells.csv and the claims.
     */
    static final List<Figure> CRASH = List.of(new Figure("rps", true), new Figure("p50_ms", false));
    /*
     * graceful-restart is judged like crash, for the same reason (its p99 is the restarts'); slow-clients
     * too: the tail of a client queued behind trickling connections is where the holder's connects land.
     */

    /** The figures of a scenario's cells. */
    static List<Figure> of(String scenario) {
        return switch (scenario) {
            case Scenarios.STARTUP -> STARTUP;
            case Scenarios.CRASH, Scenarios.GRACEFUL_RESTART, Scenarios.SLOW_CLIENTS -> CRASH;
            default -> LOAD;
        };
    }
}
