package mpmbench.benchmarks.suite;

import java.time.Duration;
import java.util.Locale;

/** The two suites, with their default timing and repeats. */
public enum SuiteKind {
    QUICK(Duration.ofSeconds(2), Duration.ofSeconds(1), 1),
    // About 180 cells a repeat with every target installed, ~9 s each with starts and grace:
    // two repeats fit the hour the full suite is allowed on a 2-core machine.
    FULL(Duration.ofSeconds(5), Duration.ofSeconds(2), 2);

    private final Duration duration;
    private final Duration warmup;
    private final int repeats;

    SuiteKind(Duration duration, Duration warmup, int repeats) {
        this.duration = duration;
        this.warmup = warmup;
        this.repeats = repeats;
    }

    public Duration duration() {
        return duration;
    }

    public Duration warmup() {
        return warmup;
    }

    public int repeats() {
        return repeats;
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
