package mpmbench.loadgen.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;

import mpmbench.loadgen.GeneratorJvm;
import mpmbench.loadgen.IoBackend;
import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.SteadyState;
import mpmbench.loadgen.TlsEngine;
import mpmbench.loadgen.http.RequestEncoder;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.record.Counts;
import mpmbench.loadgen.record.IntervalCollector;
import mpmbench.loadgen.record.LatencyRecorders;
import mpmbench.loadgen.record.ProcessCpu;

/**
 * Runs one {@link LoadSpec}: starts one {@link SingleThreadSelectorLoop} per thread, collects
 * interval histograms and progress once a second on the calling thread (and slices of the interval
 * log more often when asked), and returns the merged
 * {@link LoadResult} once every I/O thread has ended (each ends by itself at the run's hard end:
 * warm-up + duration + {@link LoadSpec#grace()}).
 */
public final class LoadRun {

    /**
     * Called once a second with the elapsed time (s), the counts so far and the last interval's
     * histograms (during the warm-up, the warm-up's requests of that interval).
     */
    public interface Progress {
        void second(double elapsedS, Counts counts, Histogram[] interval, boolean warmup);

        /**
         * The warm-up is over after {@code elapsedS} seconds: the measured window starts now.
         * {@code settled}: with {@code --settle}, whether the requests/s were steady (false: its cap).
         */
        default void warmupOver(double elapsedS, boolean settled) {
        }

        /**
         * The measured window is over after {@code elapsedS} seconds (since the run's start): called at
         * the instant the run's clock reaches the window's end (beside the CPU reading there), before
         * the grace for the answers in flight.
         */
        default void windowOver(double elapsedS) {
        }
    }

    private final LoadSpec spec;
    private final Path hlog;
    private final Duration hlogInterval;
    private final Progress progress;
    /** Set once {@link #run()} has started; read by {@link #stop()} from another thread. */
    private volatile RunClock clock;
    private volatile boolean stopRequested;
    /** Written only by the thread that runs {@link #awaitEnd}. */
    private boolean settled;
    /** With {@code --settle}: who ends the warm-up ({@link #settleBy}); {@code null}: this run's own rule. */
    private volatile LongSupplier settleAt;

    /**
     * @param hlog     interval log to write, or {@code null}
     * @param progress progress callback, or {@code null}
     */
    public LoadRun(LoadSpec spec, Path hlog, Progress progress) {
        this(spec, hlog, Duration.ofSeconds(1), progress);
    }

    /**
     * @param hlog         interval log to write, or {@code null}
     * @param hlogInterval the log's interval: one of {@link #HLOG_INTERVALS} (progress stays once a second)
     * @param progress     progress callback, or {@code null}
     * @throws IllegalArgumentException when the interval does not divide a second into whole ms steps
     */
    public LoadRun(LoadSpec spec, Path hlog, Duration hlogInterval, Progress progress) {
        if (!HLOG_INTERVALS.contains(hlogInterval)) {
            throw new IllegalArgumentException("interval log step " + hlogInterval.toMillis()
                    + " ms: use one of 100, 200, 250, 500 or 1000 ms");
        }
        this.spec = spec;
        this.hlog = hlog;
        this.hlogInterval = hlogInterval;
        this.progress = progress;
    }

    /** The interval log's steps, each a whole share of a second so the seconds stay aligned. */
    public static final List<Duration> HLOG_INTERVALS = java.util.stream.LongStream.of(100, 200, 250, 500, 1000)
            .mapToObj(Duration::ofMillis).toList();

    /**
     * Hands a settling warm-up's end to someone else (an agent's coordinator, which judges the summed
     * requests/s of every agent): at each whole second {@code s} of the warm-up, the warm-up ends when
     * {@code s >= secondToEnd.getAsLong()} ({@link Long#MAX_VALUE}: not yet), instead of by
     * {@link SteadyState} on this run's own seconds; the cap ({@code --settle MAX}) still ends it.
     * Call before {@link #run()}; {@code secondToEnd} is read from the progress thread.
     */
    public void settleBy(LongSupplier secondToEnd) {
        this.settleAt = secondToEnd;
    }

    /** Runs the spec with no log and no progress. */
    public static LoadResult run(LoadSpec spec) throws IOException {
        return new LoadRun(spec, null, null).run();
    }

    public LoadResult run() throws IOException {
        byte[] request = RequestEncoder.encodeGet(spec.target(), spec.headers(), spec.keepAlive());
        byte[] batch = RequestEncoder.repeat(request, spec.pipeline());
        ByteBuffer shared = ByteBuffer.allocateDirect(batch.length).put(batch).flip();
        List<InetSocketAddress> bind = spec.bindAddresses().stream()
                .map(a -> new InetSocketAddress(a, 0)).toList();

        long startMs = System.currentTimeMillis();
        RunClock clock = RunClock.starting(System.nanoTime(), spec.maxWarmup().toNanos(),
                spec.duration().toNanos(), spec.grace().toNanos());
        this.clock = clock;
        if (stopRequested) {
            clock.stopNow(clock.startNs());
        }
        IoBackend backend = IoBackends.resolve(spec.io());
        TlsEngine engine = spec.target().tls() ? TlsEngines.resolve(spec.tls().engine()) : null;
        try (OpenSslContext openssl = engine == TlsEngine.OPENSSL ? new OpenSslContext(spec.target(), spec.tls()) : null) {
            LoopSetup setup = new LoopSetup(spec.target().address(), bind,
                    clock, spec.open(), spec.keepAlive(), request.length, spec.timeout().toNanos(),
                    spec.connectTimeout().toNanos(), spec.idleInterval().toNanos(), spec.idleOpenEvery().toNanos(), spec.connections(),
                    spec.spin().toNanos(), request,
                    spec.trickleInterval().toNanos(),
                    engine == TlsEngine.JSSE ? new ClientTls(spec.target(), spec.tls()) : null, openssl);
            return run(setup, backend, engine, startMs, clock, shared);
        }
    }

    /** {@link #run()} once its TLS context (if any) is made; the context is freed after the loops end. */
    private LoadResult run(LoopSetup setup, IoBackend backend, TlsEngine engine, long startMs, RunClock clock,
                           ByteBuffer shared) throws IOException {
        int threads = spec.threads();
        List<LatencyRecorders> recorders = new ArrayList<>();
        List<SingleWriterCounters> counters = new ArrayList<>();
        List<SingleThreadSelectorLoop> loops = new ArrayList<>();
        List<OpenSchedule> schedules = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Connection> active = new ArrayList<>();
            for (int i = share(spec.connections(), threads, t); i < share(spec.connections(), threads, t + 1); i++) {
                OpenSchedule schedule = spec.open()
                        ? OpenSchedule.of(clock.startNs(), spec.rate(), i, spec.connections()) : null;
                if (schedule != null) {
                    schedules.add(schedule);
                }
                active.add(new Connection(i, false, shared.duplicate(), spec.pipeline(), schedule));
            }
            List<Connection> idle = new ArrayList<>();
            for (int i = share(spec.idle(), threads, t); i < share(spec.idle(), threads, t + 1); i++) {
                idle.add(new Connection(spec.connections() + i, true, shared.duplicate(), 1, null));
            }
            List<Connection> trickling = new ArrayList<>();
            for (int i = share(spec.trickle(), threads, t); i < share(spec.trickle(), threads, t + 1); i++) {
                trickling.add(Connection.trickling(spec.connections() + spec.idle() + i));
            }
            LatencyRecorders r = new LatencyRecorders();
            SingleWriterCounters c = new SingleWriterCounters();
            recorders.add(r);
            counters.add(c);
            loops.add(new SingleThreadSelectorLoop(setup, backend, active, idle, trickling, c, r));
        }

        CountDownLatch done = new CountDownLatch(threads);
        List<Throwable> failures = new ArrayList<>();
        try (IntervalCollector collector = new IntervalCollector(recorders, startMs, hlog)) {
            for (int t = 0; t < threads; t++) {
                SingleThreadSelectorLoop loop = loops.get(t);
                Thread th = new Thread(() -> {
                    try {
                        loop.run();
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    } finally {
                        done.countDown();
                    }
                }, "mpmbench-io-" + t);
                th.setDaemon(true);
                th.start();
            }
            ProcessCpu[] cpu = awaitEnd(clock, done, counters, collector);
            collector.collect(System.currentTimeMillis());
            synchronized (failures) {
                if (!failures.isEmpty()) {
                    throw new IOException("an I/O thread failed", failures.getFirst());
                }
            }
            boolean nsTimer = loops.stream().allMatch(SingleThreadSelectorLoop::nanosecondTimer);
            long warmupNs = clock.warmupEndNs() - clock.startNs();
            long windowNs = Math.min(spec.duration().toNanos(), clock.windowEndNs() - clock.warmupEndNs());
            Counts counts = sum(counters).with(Counter.SCHEDULED, scheduled(schedules, clock));
            return new LoadResult(spec, startMs, counts, collector.total(IntervalCollector.CORRECTED),
                    collector.total(IntervalCollector.UNCORRECTED), collector.total(IntervalCollector.LAG),
                    collector.total(IntervalCollector.HANDSHAKE),
                    cpu[1].since(cpu[0]), nsTimer, GeneratorJvm.jit(), warmupNs, windowNs, settled, backend.text(),
                    engine == null ? "" : engine.text());
        }
    }

    /**
     * Ends the run early, from any thread (the command line calls it on SIGINT or SIGTERM): nothing is
     * sent from now on, answers in flight get the grace, and {@link #run()} returns what was measured
     * so far ({@link LoadResult#stoppedEarly()}).
     */
    public void stop() {
        stopRequested = true;
        RunClock c = clock;
        if (c != null) {
            c.stopNow(System.nanoTime() + RunClock.MOVE_LEAD_NS);
        }
    }

    /**
     * The requests intended in the window as it finally was ({@code --settle} and a stop move it):
     * the schedules' arithmetic, independent of what the I/O threads counted. 0 in the closed model.
     */
    static long scheduled(List<OpenSchedule> schedules, RunClock clock) {
        long n = 0;
        for (OpenSchedule s : schedules) {
            n += s.intendedIn(clock.warmupEndNs(), clock.windowEndNs());
        }
        return n;
    }

    /**
     * Reports once a second until every loop has ended; gives up 5 s after the hard end. With
     * {@code --settle}, ends the warm-up at the first second at which the requests/s are steady
     * ({@link SteadyState}) and the warm-up has lasted {@code --warmup}. Reads the process's CPU time
     * when the measured window starts and when it ends, and tells the progress of both instants.
     *
     * @return the CPU time at the start and at the end of the window
     */
    private ProcessCpu[] awaitEnd(RunClock clock, CountDownLatch done, List<SingleWriterCounters> counters,
                                  IntervalCollector collector) throws IOException {
        long giveUpNs = clock.hardEndNs() + TimeUnit.SECONDS.toNanos(5);
        long sliceNs = hlogInterval.toNanos();
        long slicesPerSecond = 1_000_000_000L / sliceNs;
        long slices = 1;
        long nextTick = clock.startNs() + sliceNs;
        ProcessCpu[] cpu = new ProcessCpu[2];
        if (clock.warmupEndNs() <= System.nanoTime()) {
            cpu[0] = ProcessCpu.now();
        }
        List<Long> warmupRps = spec.settle().isZero() ? null : new ArrayList<>();
        long lastDone = 0;
        try {
            while (true) {
                long wake = Math.min(nextTick, cpu[0] == null ? clock.warmupEndNs()
                        : cpu[1] == null ? clock.windowEndNs() : Long.MAX_VALUE);
                if (done.await(Math.max(0, wake - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                long now = System.nanoTime();
                if (cpu[0] == null && now >= clock.warmupEndNs()) {
                    cpu[0] = ProcessCpu.now();
                    if (progress != null) {
                        progress.warmupOver((clock.warmupEndNs() - clock.startNs()) / 1e9, settled);
                    }
                } else if (cpu[0] != null && cpu[1] == null && now >= clock.windowEndNs()) {
                    cpu[1] = ProcessCpu.now();
                    windowOver(clock);
                }
                if (now >= giveUpNs) {
                    throw new IOException("I/O threads did not stop by the end of the run");
                }
                if (now >= nextTick) {
                    if (slices % slicesPerSecond != 0) {
                        collector.slice(System.currentTimeMillis());
                    } else {
                        // the counts and the settle decision first: the warm-up's end is set from a clock
                        // reading taken just before (see RunClock.MOVE_LEAD_NS), not after the collection
                        Counts counts = sum(counters);
                        boolean warmup = now < clock.warmupEndNs();
                        long doneNow = counts.get(Counter.REQUESTS) + counts.get(Counter.WARMUP_REQUESTS);
                        if (warmupRps != null && warmup) {
                            warmupRps.add(doneNow - lastDone);
                            LongSupplier external = settleAt;
                            boolean steady = external != null ? slices / slicesPerSecond >= external.getAsLong()
                                    : now - clock.startNs() >= spec.warmup().toNanos() && SteadyState.settled(warmupRps);
                            if (steady) {
                                settled = true;
                                clock.endWarmup(System.nanoTime() + RunClock.MOVE_LEAD_NS);
                            }
                        }
                        Histogram[] interval = collector.collect(System.currentTimeMillis());
                        if (progress != null) {
                            progress.second((now - clock.startNs()) / 1e9, counts,
                                    warmup ? collector.warmupInterval() : interval, warmup);
                        }
                        lastDone = doneNow;
                    }
                    slices++;
                    nextTick += sliceNs;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (cpu[0] == null) {
            cpu[0] = ProcessCpu.now();
        }
        if (cpu[1] == null) { // every loop ended before this thread saw the window's end (a stop)
            cpu[1] = ProcessCpu.now();
            windowOver(clock);
        }
        return cpu;
    }

    private void windowOver(RunClock clock) {
        if (progress != null) {
            progress.windowOver((clock.windowEndNs() - clock.startNs()) / 1e9);
        }
    }

    private static Counts sum(List<SingleWriterCounters> counters) {
        Counts total = Counts.zero();
        for (SingleWriterCounters c : counters) {
            total = total.plus(c.snapshot());
        }
        return total;
    }

    /** First index of part {@code t} when {@code n} items are split over {@code parts}. */
    private static int share(int n, int parts, int t) {
        return (int) ((long) n * t / parts);
    }
}
