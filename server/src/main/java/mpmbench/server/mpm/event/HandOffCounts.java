package mpmbench.server.mpm.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Locale;

/**
 * What the event model's hand-off costs, counted in one child: requests served, how many of them a
 * worker got from the selector thread (a dispatch) and how many it served straight after the
 * previous one because the next request was already readable (httpd's event MPM makes the same
 * check before it hands a connection back to its listener), connections parked to wait in the
 * selector, and the selector thread's wake-ups: every select that returned, and those that workers
 * forced with {@code Selector.wakeup()}.
 *
 * <p>Threading: each counter has one writer (a worker its {@link Worker}, the selector thread
 * {@link #selected}), written with opaque stores, so counting costs a plain store on the hot path
 * and no shared cache line between workers; {@link #totals()} may be called from any thread and sums
 * what it sees (not a snapshot taken at one instant). Allocates nothing after construction.
 */
final class HandOffCounts {

    private static final VarHandle WORKER_REQUESTS;
    private static final VarHandle WORKER_DISPATCHES;
    private static final VarHandle WORKER_FOLLOW_ONS;
    private static final VarHandle WORKER_PARKS;
    private static final VarHandle WORKER_WAKEUPS;
    private static final VarHandle SELECTS;
    private static final VarHandle LONGEST_PASS;
    private static final VarHandle LONGEST_ACCEPT;

    static {
        try {
            MethodHandles.Lookup w = MethodHandles.lookup();
            WORKER_REQUESTS = w.findVarHandle(Worker.class, "requests", long.class);
            WORKER_DISPATCHES = w.findVarHandle(Worker.class, "dispatches", long.class);
            WORKER_FOLLOW_ONS = w.findVarHandle(Worker.class, "followOns", long.class);
            WORKER_PARKS = w.findVarHandle(Worker.class, "parks", long.class);
            WORKER_WAKEUPS = w.findVarHandle(Worker.class, "wakeups", long.class);
            SELECTS = MethodHandles.lookup().findVarHandle(HandOffCounts.class, "selects", long.class);
            LONGEST_PASS = MethodHandles.lookup().findVarHandle(HandOffCounts.class, "longestPassNanos", long.class);
            LONGEST_ACCEPT = MethodHandles.lookup().findVarHandle(HandOffCounts.class, "longestAcceptNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Worker[] workers;
    @SuppressWarnings("unused") // through SELECTS
    private long selects;
    @SuppressWarnings("unused") // through LONGEST_PASS
    private long longestPassNanos;
    @SuppressWarnings("unused") // through LONGEST_ACCEPT
    private long longestAcceptNanos;

    HandOffCounts(int workers) {
        this.workers = new Worker[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Worker();
        }
    }

    /** The counters of worker {@code index}, for that worker thread only. */
    Worker worker(int index) {
        return workers[index];
    }

    /** A select of the selector thread returned; selector thread only. */
    void selected() {
        SELECTS.setOpaque(this, (long) SELECTS.getOpaque(this) + 1);
    }

    /**
     * The selector thread's pass after a select took {@code nanos} (take-backs, expiries, the busy rule:
     * all it does before it selects again); selector thread only. While a pass lasts, no readable
     * connection is seen: a long one lets requests pile up for the next. The accepts and dispatches of
     * a select run inside it ({@link #accepted} times the accepts).
     */
    void passed(long nanos) {
        max(LONGEST_PASS, nanos);
    }

    /** One turn of accepting (every connection the queue held, or the room allowed) took {@code nanos}; selector thread only. */
    void accepted(long nanos) {
        max(LONGEST_ACCEPT, nanos);
    }

    private void max(VarHandle h, long nanos) {
        if (nanos > (long) h.getOpaque(this)) {
            h.setOpaque(this, nanos);
        }
    }

    /** One worker's counters; written by that worker only. */
    static final class Worker {
        @SuppressWarnings("unused") private long requests;
        @SuppressWarnings("unused") private long dispatches;
        @SuppressWarnings("unused") private long followOns;
        @SuppressWarnings("unused") private long parks;
        @SuppressWarnings("unused") private long wakeups;

        /**
         * A dispatch from the selector thread ended after {@code requests} responses.
         *
         * @param parked the connection went back to wait in the selector for its next request
         * @param woke   the hand-back called {@code Selector.wakeup()}
         */
        void served(int requests, boolean parked, boolean woke) {
            add(WORKER_REQUESTS, requests);
            add(WORKER_DISPATCHES, 1);
            if (requests > 1) {
                add(WORKER_FOLLOW_ONS, requests - 1);
            }
            if (parked) {
                add(WORKER_PARKS, 1);
            }
            if (woke) {
                add(WORKER_WAKEUPS, 1);
            }
        }

        private void add(VarHandle h, long n) {
            h.setOpaque(this, (long) h.getOpaque(this) + n);
        }
    }

    /** The sums over every worker and the selector thread. */
    Totals totals() {
        long requests = 0;
        long dispatches = 0;
        long followOns = 0;
        long parks = 0;
        long wakeups = 0;
        for (Worker w : workers) {
            requests += (long) WORKER_REQUESTS.getOpaque(w);
            dispatches += (long) WORKER_DISPATCHES.getOpaque(w);
            followOns += (long) WORKER_FOLLOW_ONS.getOpaque(w);
            parks += (long) WORKER_PARKS.getOpaque(w);
            wakeups += (long) WORKER_WAKEUPS.getOpaque(w);
        }
        return new Totals(requests, dispatches, followOns, parks, wakeups, (long) SELECTS.getOpaque(this),
                (long) LONGEST_PASS.getOpaque(this), (long) LONGEST_ACCEPT.getOpaque(this));
    }

    /**
     * @param requests   responses written (error responses included)
     * @param dispatches times a worker took a connection from the selector thread
     * @param followOns  requests a worker served right after the previous one on the same connection,
     *                   the next already readable (buffered, or on the socket): no selector round trip
     * @param parks      times a connection went back to wait in the selector for its next request
     * @param wakeups    {@code Selector.wakeup()} calls by workers handing a connection back
     * @param selects    selects of the selector thread that returned, for any reason
     * @param longestPassNanos   the selector thread's longest pass between two selects, ns
     * @param longestAcceptNanos its longest turn of accepting, ns
     */
    record Totals(long requests, long dispatches, long followOns, long parks, long wakeups, long selects,
                  long longestPassNanos, long longestAcceptNanos) {

        @Override
        public String toString() {
            return requests + " requests in " + dispatches + " dispatches (" + followOns
                    + " without the selector), " + parks + " keep-alive parks, " + wakeups
                    + " selector wake-ups by workers, " + selects + " selects (the longest pass after one "
                    + String.format(Locale.ROOT, "%.1f ms, the longest accepting %.1f ms)", longestPassNanos / 1e6,
                    longestAcceptNanos / 1e6);
        }
    }
}
