package mpmbench.benchmarks.results;

import java.util.Arrays;

/**
 * The status of a summary.csv row (a cell's repeat) and of a cells.csv row, as written in the
 * {@code status} column. Only {@link #judged()} rows feed intervals, claims and {@code compare}; the
 * others are listed with their {@code reason}. A stall is judged: it is the result claim 4 and the
 * slow-clients scenario look for (0 req/s is that cell's figure), and a change from serving to
 * stalling is a regression {@code compare} must see.
 */
public enum Status {
    /** Measured, nothing against it. */
    OK("ok"),
    /** Measured, but the target's throughput did not settle within the warm-up's cap: judged and flagged. */
    UNSETTLED("unsettled"),
    /**
     * Open model: the target completed under {@link Schemas#SATURATED_BELOW_PCT} % of the offered rate.
     * Past the knee: its latency includes the censored requests (a lower bound) and it is shown, never
     * judged as an ok cell.
     */
    SATURATED("saturated"),
    /**
     * Requests waited and the target answered none in the window (claim 4's stall): a result, not a
     * throughput of 0 req/s.
     */
    STALLED("stalled"),
    /** The load generator, not the target, was the limit: its figures are listed, never judged. */
    GENERATOR_BOUND("generator-bound"),
    /** The window saw steal time or other load beyond the thresholds of {@link Schemas}: listed, never judged. */
    DISTURBED("disturbed"),
    /** The row broke an invariant ({@code violations} names it): never judged, listed in the report. */
    INVALID("invalid"),
    /** The cell could not be measured ({@code reason} says why). */
    FAILED("failed"),
    /** The cell cannot run on this target or machine ({@code reason} says why). */
    SKIPPED("skipped");

    private final String text;

    Status(String text) {
        this.text = text;
    }

    /** The word written in the {@code status} column. */
    public String text() {
        return text;
    }

    /** Whether rows of this status feed intervals, claims and compare: ok, unsettled and stalled. */
    public boolean judged() {
        return this == OK || this == UNSETTLED || this == STALLED;
    }

    /** Whether the row says the target served its window ({@code ok} or {@code unsettled}). */
    public boolean served() {
        return this == OK || this == UNSETTLED;
    }

    /**
     * Whether the row's facts about the target itself at the load it got, its memory, are the
     * target's: it was measured under load, whoever set the pace. The {@link #judged} statuses,
     * {@code saturated} (the target fell behind the offered rate; its memory under that load is still
     * its own) and {@code generator-bound} (the generator set the pace: throughput, latency and CPU
     * per request are the generator's, but the target's memory at the load it got is its own). Not
     * {@code disturbed} (another load shared the window), {@code invalid}, {@code failed} or
     * {@code skipped}. Which columns are such facts: {@link Cells#TARGET_FACTS}.
     */
    public boolean targetMeasured() {
        return judged() || this == SATURATED || this == GENERATOR_BOUND;
    }

    /** Whether the cell produced load figures at all (everything but failed and skipped). */
    public boolean measured() {
        return this != FAILED && this != SKIPPED;
    }

    /**
     * The status written as {@code text}.
     *
     * @throws IllegalArgumentException naming the accepted words when {@code text} is none of them
     */
    public static Status of(String text) {
        for (Status s : values()) {
            if (s.text.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status '" + text + "': expected one of "
                + String.join(", ", Arrays.stream(values()).map(Status::text).toList()));
    }

    @Override
    public String toString() {
        return text;
    }
}
