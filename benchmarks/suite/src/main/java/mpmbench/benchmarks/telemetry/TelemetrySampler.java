package mpmbench.benchmarks.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Samples a target's process tree once a second on a daemon thread of its own, between
 * {@link #start} and {@link #stop}. Only the thread that created it may call {@code start},
 * {@code stop} and {@link #samples}; the list is complete once {@code stop} returned.
 */
public final class TelemetrySampler {

    private final TargetProc reader;
    private final IntSupplier rootPid;
    private final long periodMs;
    private final List<TreeSample> samples = new ArrayList<>();
    private Thread thread;
    private volatile boolean running;

    /** @param rootPid the tree's root, asked at every sample (a restarted target changes it) */
    public TelemetrySampler(TargetProc reader, IntSupplier rootPid, long periodMs) {
        this.reader = reader;
        this.rootPid = rootPid;
        this.periodMs = periodMs;
    }

    /** Takes one sample now (outside the periodic loop), e.g. at the start and end of a load run. */
    public TreeSample sampleNow() {
        return reader.sample(rootPid.getAsInt(), System.currentTimeMillis());
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("telemetry").start(this::loop);
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The periodic samples taken between start and stop. */
    public List<TreeSample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private void loop() {
        long next = System.currentTimeMillis();
        while (running) {
            TreeSample s = sampleNow();
            if (!running) {
                break; // stopped while it read: over ssh the read was cut short (RemoteProc), so it is not a sample
            }
            synchronized (samples) {
                samples.add(s);
            }
            next += periodMs;
            long wait = next - System.currentTimeMillis();
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
