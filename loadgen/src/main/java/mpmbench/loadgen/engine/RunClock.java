package mpmbench.loadgen.engine;

/**
 * The phases of a run on the {@code System.nanoTime()} clock, in ns, shared by every thread:
 * warm-up {@code [startNs, warmupEndNs)}, measured window {@code [warmupEndNs, windowEndNs)}, then a
 * grace until {@code hardEndNs} for answers to requests already sent. A request belongs to the phase
 * of its intended send time. At {@code hardEndNs} every thread stops, whatever the server does.
 */
record RunClock(long startNs, long warmupEndNs, long windowEndNs, long hardEndNs) {

    static RunClock starting(long startNs, long warmupNs, long durationNs, long graceNs) {
        long warmupEnd = startNs + warmupNs;
        long windowEnd = warmupEnd + durationNs;
        return new RunClock(startNs, warmupEnd, windowEnd, windowEnd + graceNs);
    }
}
