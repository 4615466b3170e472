package mpmbench.benchmarks.suite;

import java.time.Duration;
import java.util.Locale;

/**
 * The two suites, with their default timing and repeats. A repeat in {@code quick} is a measured
 * window on one warmed target instance (like JMH's iterations: cheap, but the instance's own luck is
 * shared by its repeats); in {@code full} a fresh instance per repeat, interleaved in rounds (like
 * JMH's forks: every source of run-to-run variation is in the interval).
 */
public enum SuiteKind {
    // Budget: 10 minutes on 2 cores with every target installed, 3 repeats of every cell a claim reads.
    QUICK(Duration.ofSeconds(2), Duration.ofMillis(1000), 3, Duration.ofSeconds(15), false),
    // Budget: 60 minutes plus the micro pass.
    FULL(Duration.ofSeconds(3), Duration.ofMillis(1000), 3, Duration.ofSeconds(30), true);

    private final Duration duration;
    private final Duration warmup;
    private final int repeats;
    private final Duration settleCap;
    private final boolean freshInstances;

    SuiteKind(Duration duration, Duration warmup, int repeats, Duration settleCap, boolean freshInstances) {
        this.duration = duration;
        this.warmup = warmup;
        this.repeats = repeats;
        this.settleCap = settleCap;
        this.freshInstances = freshInstances;
    }

    /** The measured window of a repeat. */
    public Duration duration() {
        return duration;
    }

    /** The load generator's own warm-up before each measured window (its JIT, its connections). */
    public Duration warmup() {
        return warmup;
    }

    public int repeats() {
        return repeats;
    }

    /** The longest a target may take to settle ({@link SteadyState}) before a level is measured anyway, as unsettled. */
    public Duration settleCap() {
        return settleCap;
    }

    /** Whether each repeat gets a fresh target instance (else: windows on one warmed instance). */
    public boolean freshInstances() {
        return freshInstances;
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
