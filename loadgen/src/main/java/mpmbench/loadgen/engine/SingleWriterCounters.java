package mpmbench.loadgen.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;

/**
 * The {@link Counter}s of one I/O thread. Only that thread may call {@link #add}; any thread may
 * take a {@link #snapshot()} (opaque reads: each value is one the writer wrote, possibly a little
 * old — good enough for progress; exact after the writer has been joined).
 */
final class SingleWriterCounters {

    private static final VarHandle AT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] values = new long[Counter.values().length];

    void add(Counter c, long delta) {
        int i = c.ordinal();
        AT.setOpaque(values, i, (long) AT.getOpaque(values, i) + delta);
    }

    void increment(Counter c) {
        add(c, 1);
    }

    Counts snapshot() {
        long[] copy = new long[values.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = (long) AT.getOpaque(values, i);
        }
        return Counts.of(copy);
    }
}
