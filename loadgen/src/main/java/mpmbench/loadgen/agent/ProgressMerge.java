package mpmbench.loadgen.agent;

import java.util.TreeMap;

import mpmbench.loadgen.contract.ProgressLine;

/**
 * The agents' once-a-second progress ({@code SECOND} lines) as one second over every agent: seconds
 * since the common start, warm-up or not, requests/s over every agent, errors so far over every agent.
 * A second is handed on once every agent still running has reported it (its elapsed time rounded to
 * whole seconds). Thread-safe: agents' threads call it; the listener is called under its lock, one
 * second at a time, in order.
 */
final class ProgressMerge {

    /** Gets the merged seconds. */
    interface Listener {
        void second(long s, boolean warmup, long rps, long errorsTotal);
    }

    private record Sum(int reports, boolean warmup, long done, long errors) {
    }

    private final Listener listener;
    private final TreeMap<Long, Sum> pending = new TreeMap<>();
    private final long[] lastDone;
    private final long[] lastErrors;
    private int running;

    /** @param agents how many agents report */
    ProgressMerge(int agents, Listener listener) {
        this.listener = listener;
        this.running = agents;
        this.lastDone = new long[agents + 1];
        this.lastErrors = new long[agents + 1];
    }

    /** A merged second as {@code mpmbench load --progress} prints one, without a p99 (the suite reads it). */
    static String line(long s, boolean warmup, long rps, long errorsTotal) {
        return new ProgressLine.Second(s, warmup, rps, errorsTotal, Double.NaN).format();
    }

    /** One {@code SECOND} line of agent {@code index} (from 1): {@code "s warmup done errors"}. */
    synchronized void second(int index, String line) {
        String[] f = line.strip().split(" ");
        if (f.length < 4) {
            return;
        }
        long k = Math.round(Double.parseDouble(f[0]));
        long done = Long.parseLong(f[2]);
        long errors = Long.parseLong(f[3]);
        Sum s = pending.getOrDefault(k, new Sum(0, false, 0, 0));
        pending.put(k, new Sum(s.reports() + 1, s.warmup() || f[1].equals("1"), s.done() + done - lastDone[index],
                s.errors() + errors - lastErrors[index]));
        lastDone[index] = done;
        lastErrors[index] = errors;
        flush();
    }

    /** An agent stopped reporting (it failed or finished): seconds no longer wait for it. */
    synchronized void gone() {
        running--;
        flush();
    }

    private void flush() {
        long errorsTotal = 0;
        for (long e : lastErrors) {
            errorsTotal += e;
        }
        while (!pending.isEmpty() && pending.firstEntry().getValue().reports() >= running) {
            var e = pending.pollFirstEntry();
            listener.second(e.getKey(), e.getValue().warmup(), e.getValue().done(), errorsTotal);
        }
    }
}
