package mpmbench.loadgen.engine;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.function.Consumer;

/**
 * How a {@link SingleThreadSelectorLoop} waits: until a socket is ready, or until the earlier of a
 * <em>coarse</em> deadline (timer scans, the end of the window: a little late does not matter) and a
 * <em>precise</em> one (the next intended send of the open model: it must not be late).
 *
 * <p>Chosen by measuring on a 2-vCPU KVM guest, JDK 25, one thread pinned (overshoot past the asked
 * time, p50 / p99): {@code Selector.select(ms)} rounds to whole ms and overshoots 340–1000 µs / 1.1–2
 * ms; {@code LockSupport.parkNanos} 68–94 / 97–1279 µs with Linux's 50 µs timer slack and
 * 24–46 / 59–68 µs with 1 ns slack; {@code ppoll} on the selector's epoll descriptor with 1 ns slack
 * ({@link NativeTimer}) 17–43 µs p50: the wake-up itself costs tens of µs on this guest. Only a spin
 * reaches µs: {@code selectNow()} in a loop lands within 0.3 µs p50. So the wait sleeps in the kernel
 * with a ns timeout (sockets still watched, so answers are timed when they arrive) until
 * {@code spinNs} before the precise deadline, then spins on {@code selectNow()} for the rest. The spin
 * costs CPU: about {@code spinNs} per send while the generator is otherwise idle (10 % of a core at
 * 500 req/s with 100 µs, 18 % with the default 300 µs, which also covers a sleeping vCPU's late
 * wake-ups: {@code LoadSpec.DEFAULT_SPIN}); {@code --spin 0} trades that for sends tens of µs late.
 *
 * <p>Without {@link NativeTimer} (not Linux, or the JDK not opened to us) the sleep is
 * {@code select(ms)} rounded down, so the spin may last up to a millisecond more.
 *
 * <p>Only the loop's thread may call it.
 */
final class SelectorWait implements AutoCloseable {

    private final Selector selector;
    private final long spinNs;
    private final NativeTimer timer;

    /**
     * @param spinNs how long before a precise deadline the wait stops sleeping and spins, ns (0: never spin)
     */
    SelectorWait(Selector selector, long spinNs) {
        this.selector = selector;
        this.spinNs = spinNs;
        this.timer = NativeTimer.forSelector(selector);
    }

    /** Whether waits have ns timeouts ({@link NativeTimer}) rather than whole milliseconds. */
    boolean nanosecondTimer() {
        return timer != null;
    }

    /**
     * Waits as described in the class comment and hands every ready key to {@code action}; returns after
     * the first ready keys were handled or at the deadline.
     *
     * @param coarseNs  a deadline that may be met a little late (nanoTime)
     * @param preciseNs a deadline that must be met to the µs ({@code Long.MAX_VALUE}: none)
     */
    void await(long coarseNs, long preciseNs, Consumer<SelectionKey> action) throws IOException {
        long now = System.nanoTime();
        boolean precise = preciseNs <= coarseNs;
        long deadline = precise ? preciseNs : coarseNs;
        long sleepNs = (precise ? deadline - spinNs : deadline) - now;
        if (sleepNs > 0) {
            if (timer != null) {
                timer.sleep(sleepNs);
                if (selector.selectNow(action) > 0 || !precise) {
                    return;
                }
            } else {
                long ms = precise ? sleepNs / 1_000_000 : (sleepNs + 999_999) / 1_000_000;
                if (ms > 0 && (selector.select(action, ms) > 0 || !precise)) {
                    return;
                }
            }
        }
        if (!precise) {
            selector.selectNow(action);
            return;
        }
        do {
            if (selector.selectNow(action) > 0) {
                return;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.close();
        }
    }
}
