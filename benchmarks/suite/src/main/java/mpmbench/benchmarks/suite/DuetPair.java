package mpmbench.benchmarks.suite;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the two cells of one duet level share while each runs on a thread of its own ({@link DuetInstances}):
 * a start barrier, so that both load generators are launched at the same instant (with the same fixed warm-up
 * their measured windows then start together, within the JVMs' start jitter), the instants each window
 * started and ended (epoch ms, for duet.csv), and each side's CPU over its window (target and load
 * generator, ns), which the other side subtracts from the machine's busy time: in a duet the partner and its
 * generator are measured processes, not other work ({@link WindowDisturbance}).
 *
 * <p>Thread-safe: each {@link Side} is used by its own thread; a side that leaves early (its cell failed before
 * its generator started, or before its CPU was known) calls {@link Side#leave}, so the other never waits for it
 * longer than it takes to notice.
 */
final class DuetPair {

    private final CountDownLatch started = new CountDownLatch(2);
    private final CountDownLatch reported = new CountDownLatch(2);
    private final Side first = new Side();
    private final Side second = new Side();
    private final Duration reportLimit;

    /** @param reportLimit the longest a side waits for the other's CPU after its own run (the other's run may last longer) */
    DuetPair(Duration reportLimit) {
        this.reportLimit = reportLimit;
    }

    /** The side of the target started first. */
    Side first() {
        return first;
    }

    /** The side of the target started second. */
    Side second() {
        return second;
    }

    /** The longest a side waits at the start barrier for the other: both arrive within milliseconds unless one failed. */
    static final Duration START_LIMIT = Duration.ofSeconds(30);

    /** One cell's end of the pair. */
    final class Side {
        private boolean arrived;
        private boolean gave;
        private volatile double cpuNs = Double.NaN;
        private volatile long windowStartMs;
        private volatile long windowEndMs;

        private Side other() {
            return this == first ? second : first;
        }

        /**
         * Arrives at the start barrier and waits for the other side (at most {@link #START_LIMIT}): the load
         * generators are launched right after. False when the other did not come (it failed, or is late).
         */
        boolean awaitStart() throws InterruptedException {
            arrive();
            return started.await(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void arrive() {
            if (!arrived) {
                arrived = true;
                started.countDown();
            }
        }

        /** The measured window started now (the generator's "warm-up over" line). */
        void windowStarted() {
            windowStartMs = System.currentTimeMillis();
        }

        /** The measured window ended now (the generator's "window over" line). */
        void windowEnded() {
            windowEndMs = System.currentTimeMillis();
        }

        /** When the window started and ended, epoch ms; 0 when not seen. */
        long windowStartMs() {
            return windowStartMs;
        }

        long windowEndMs() {
            return windowEndMs;
        }

        /**
         * Gives this side's CPU over its window (its target's and its load generator's, ns; NaN when unknown) and
         * returns the other side's, waiting until the other gave it or left (NaN then), at most the pair's limit.
         */
        double exchangeCpu(double ownNs) throws InterruptedException {
            give(ownNs);
            return reported.await(reportLimit.toMillis(), TimeUnit.MILLISECONDS) ? other().cpuNs : Double.NaN;
        }

        private synchronized void give(double ns) {
            if (!gave) {
                gave = true;
                cpuNs = ns;
                reported.countDown();
            }
        }

        /** This side's cell is over: whatever it did not reach (the barrier, its CPU) no longer holds the other up. */
        void leave() {
            arrive();
            give(Double.NaN);
        }
    }
}
