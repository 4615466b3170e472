package mpmbench.benchmarks.catalogue;

import java.time.Duration;
import java.util.Locale;

/**
 * The two suites, with their default timing and repeats. In both a repeat is a fresh target instance,
 * in interleaved rounds (like JMH's forks: an instance's own luck, how its processes and threads landed
 * on the cores, is in the interval; windows on one instance, like JMH's iterations, gave intervals too
 * narrow for two runs of one build to agree). {@code quick} starts each target once per round and runs
 * its scenarios one after the other on it (crash last); {@code full} starts a fresh instance per
 * scenario too.
 */
public enum SuiteKind {
    // Budget: 10 minutes on 2 cores with every target installed, 3 repeats of every cell a claim reads.
    QUICK(Duration.ofSeconds(2), Duration.ofMillis(1000), 3, Duration.ofSeconds(15), true),
    // Budget: 60 minutes plus the micro pass.
    FULL(Duration.ofSeconds(3), Duration.ofMillis(1000), 3, Duration.ofSeconds(30), false);

    private final Duration duration;
    private final Duration warmup;
    private final int repeats;
    private final Duration settleCap;
    private final boolean scenariosShareInstance;

    SuiteKind(Duration duration, Duration warmup, int repeats, Duration settleCap, boolean scenariosShareInstance) {
        this.duration = duration;
        this.warmup = warmup;
        this.repeats = repeats;
        this.settleCap = settleCap;
        this.scenariosShareInstance = scenariosShareInstance;
    }

    /** The measured window of a repeat. */
    public Duration duration() {
        return duration;
    }

    /** The shortest warm-up before a measured window (the load generator's JIT, its connections). */
    public Duration warmup() {
        return warmup;
    }

    public int repeats() {
        return repeats;
    }

    /** The longest a target may take to settle (the load generator's {@code SteadyState}) before a level is measured anyway, as unsettled. */
    public Duration settleCap() {
        return settleCap;
    }

    /** Whether a round runs every scenario on one instance of a target (else one instance per scenario). */
    public boolean scenariosShareInstance() {
        return scenariosShareInstance;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SuiteKind parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("unknown suite '" + s + "'; accepted: quick, full");
        };
    }
}
