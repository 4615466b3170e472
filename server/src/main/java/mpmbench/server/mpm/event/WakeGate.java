package mpmbench.server.mpm.event;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides when a worker's hand-back must wake the selector thread: only while that thread is in (or
 * about to enter) a blocking select, and only once per such select. A selector that is busy takes
 * the hand-back at its next pass anyway, and one wake-up serves every hand-back of the same select,
 * so neither costs a {@link java.nio.channels.Selector#wakeup()} (an eventfd write, and a select that
 * returns at once for nothing).
 *
 * <p>The protocol, a Dekker pair over two volatile accesses: the selector thread calls
 * {@link #selecting()} and then looks at its hand-back queue, blocking only when it is empty; a worker
 * puts into the queue and then calls {@link #shouldWake()}. Either the selector sees the hand-back,
 * or the worker sees the selector selecting. The selector calls {@link #awake()} when its select
 * returns.
 *
 * <p>Threading: {@link #selecting()} and {@link #awake()} from the selector thread only;
 * {@link #shouldWake()} from any thread. Allocates nothing.
 */
final class WakeGate {

    private final AtomicBoolean selecting = new AtomicBoolean();

    /** The selector thread is about to select: a hand-back from now on wakes it. */
    void selecting() {
        selecting.set(true);
    }

    /** The selector thread is awake: hand-backs wait for its next pass. */
    void awake() {
        selecting.set(false);
    }

    /**
     * After a hand-back was queued: true when the caller must call {@code Selector.wakeup()}, that is
     * when the selector is selecting and nobody woke it yet.
     */
    boolean shouldWake() {
        return selecting.get() && selecting.compareAndExchange(true, false);
    }
}
