package mpmbench.loadgen.engine;

import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.LatencyRecorders;

/**
 * Counts each request of the measured window once, in the state it was in at the window's end (the
 * rule and the identity it keeps are in {@link Counter}'s class comment), for the paths off the
 * steady state: a request lost with its connection, an answer after the window's end, a request in
 * flight at the hard end, the requests never sent. The steady state's answers (before the window's
 * end) are counted by {@code SingleThreadSelectorLoop.responseComplete} itself, which only checks the
 * window's end before it.
 *
 * <p>In the open model the window's unsent and unanswered requests go into the corrected histogram at
 * window end − intended send time (ns in, µs recorded), a lower bound of their wait
 * ({@link LatencyRecorders#recordCensored}); in the closed model they are counted only. A request
 * intended at or after the window's end (sent in the instant a stop moved the end earlier) is no
 * request of the window and counts nowhere.
 *
 * <p>Single-threaded: owned by one loop, like its {@link SingleWriterCounters} and recorders; allocates
 * nothing.
 */
final class WindowAccounting {

    private final RunClock clock;
    private final SingleWriterCounters counters;
    private final LatencyRecorders recorders;
    private final boolean open;

    WindowAccounting(RunClock clock, SingleWriterCounters counters, LatencyRecorders recorders, boolean open) {
        this.clock = clock;
        this.counters = counters;
        this.recorders = recorders;
        this.open = open;
    }

    /**
     * The requests in flight on {@code c} are lost with it at {@code nowNs} ({@code why}: a
     * request-level error of {@link Counter#REQUEST_ERRORS}): each an error of the window before its
     * end, unanswered after. Call before the connection forgets them.
     */
    void lost(Connection c, Counter why, long nowNs) {
        for (int i = 0; i < c.inflight; i++) {
            lost(c.intendedAt(i), why, nowNs);
        }
    }

    private void lost(long intendedNs, Counter why, long nowNs) {
        if (intendedNs < clock.warmupEndNs()) {
            counters.increment(Counter.WARMUP_ERRORS);
        } else if (nowNs < clock.windowEndNs()) {
            counters.increment(why);
        } else {
            unanswered(intendedNs);
        }
    }

    /** A complete answer arrived at or after the window's end: no request of the window, unanswered. */
    void answeredAfterWindow(long intendedNs) {
        if (intendedNs < clock.warmupEndNs()) {
            counters.increment(Counter.WARMUP_REQUESTS);
        } else if (unanswered(intendedNs)) {
            counters.increment(Counter.ANSWERED_IN_GRACE);
        }
    }

    /** The requests still in flight on {@code c} when the loop ended (the hard end, or the loop failed). */
    void inFlightAtEnd(Connection c) {
        for (int i = 0; i < c.inflight; i++) {
            inFlightAtEnd(c.intendedAt(i));
        }
    }

    private void inFlightAtEnd(long intendedNs) {
        if (intendedNs < clock.warmupEndNs()) {
            counters.increment(Counter.WARMUP_ERRORS);
        } else {
            unanswered(intendedNs);
        }
    }

    /** An error with no request lost ({@link Counter#ERR_CONNECT}, {@link Counter#ERR_UNSOLICITED}). */
    void connectionError(Counter why, long nowNs) {
        counters.increment(nowNs < clock.warmupEndNs() ? Counter.WARMUP_ERRORS : why);
    }

    /**
     * The window closed (open model): counts and records the requests of {@code schedule} intended in
     * the window and never taken. A loop over their intended times, once per connection at the end:
     * never in the steady state.
     */
    void unsent(OpenSchedule schedule) {
        long end = clock.windowEndNs();
        long n = 0;
        for (long t = schedule.nextAtOrAfter(clock.warmupEndNs()); t < end; t += schedule.intervalNs()) {
            recorders.recordCensored(end - t);
            n++;
        }
        counters.add(Counter.UNSENT, n);
    }

    /** Counts a request of the window unanswered at its end; false if it is no request of the window. */
    private boolean unanswered(long intendedNs) {
        long end = clock.windowEndNs();
        if (intendedNs >= end) {
            return false;
        }
        counters.increment(Counter.UNANSWERED);
        if (open) {
            recorders.recordCensored(end - intendedNs);
        }
        return true;
    }
}
