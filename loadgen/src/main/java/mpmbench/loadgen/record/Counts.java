package mpmbench.loadgen.record;

import java.util.Arrays;

/** An immutable snapshot of {@link Counter} values, summed over threads. */
public final class Counts {

    private final long[] values;

    private Counts(long[] values) {
        this.values = values.clone();
    }

    /** The counts {@code values} holds, indexed by {@link Counter#ordinal()} (copied). */
    public static Counts of(long[] values) {
        if (values.length != Counter.values().length) {
            throw new IllegalArgumentException("one value per Counter expected, got " + values.length);
        }
        return new Counts(values);
    }

    /** All zero. */
    public static Counts zero() {
        return new Counts(new long[Counter.values().length]);
    }

    public long get(Counter c) {
        return values[c.ordinal()];
    }

    /** A copy with {@code c} set to {@code v}; for tests and fixtures. */
    public Counts with(Counter c, long v) {
        long[] copy = values.clone();
        copy[c.ordinal()] = v;
        return new Counts(copy);
    }

    /** The sum of both. */
    public Counts plus(Counts other) {
        long[] sum = values.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.values[i];
        }
        return new Counts(sum);
    }

    /**
     * The requests of the window failed with their connection: the sum of {@link Counter#REQUEST_ERRORS}
     * (the open model's identity: {@code REQUESTS + requestErrors() + UNSENT + UNANSWERED == SCHEDULED}).
     */
    public long requestErrors() {
        long n = 0;
        for (Counter c : Counter.REQUEST_ERRORS) {
            n += get(c);
        }
        return n;
    }

    /** {@link #errors()} and {@link Counter#WARMUP_ERRORS}: every error so far, as progress shows it. */
    public long errorsWithWarmup() {
        return errors() + get(Counter.WARMUP_ERRORS);
    }

    /** Sum of every {@code ERR_*} counter (the window's; {@link Counter#ERR_STATUS} included). */
    public long errors() {
        long n = 0;
        for (Counter c : Counter.values()) {
            if (c.name().startsWith("ERR_")) {
                n += get(c);
            }
        }
        return n;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Counts{");
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                sb.append(Counter.of(i)).append('=').append(values[i]).append(' ');
            }
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counts c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
