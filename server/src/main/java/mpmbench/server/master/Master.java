package mpmbench.server.master;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import mpmbench.server.config.ModelCapacity;
import mpmbench.server.config.ServerConfig;
import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * The parent process, the same for every model (httpd's {@code ap_mpm_run}): owns the listening
 * socket and the scoreboard, starts children, reaps them, keeps spare capacity once a second, and
 * acts on the operator's {@link ControlRequest}s. It never accepts a connection itself.
 *
 * <p>Its parts: {@link ChildTable} (children by slot), {@link Spawner} (start one, ask one to quit),
 * {@link Census} and {@link SpareMaintenance} (how many to start or stop), {@link Recycling}
 * (successors at MaxConnectionsPerChild, started at once), {@link GracefulRestart},
 * {@link Shutdown} (stopping for good), {@link ControlChannel} (signals and the scoreboard's control
 * word), {@link StartupReport}.
 *
 * <p>Threading: {@link #run()} is the only thread that changes the set of children; it wakes every
 * {@value #POLL_MS} ms, at once on a child's exit or a control request.
 */
public final class Master {

    private static final long TICK_MS = 1_000;
    private static final long POLL_MS = 100;
    private static final long HOOK_WAIT_S = 10;

    private final ServerConfig config;
    private final ModelCapacity capacity;
    private final SharedScoreboard board;
    private final PrintStream log;
    private final ChildTable table;
    private final Spawner spawner;
    private final SpareMaintenance maintenance;
    private final GracefulRestart restart;
    private final Recycling recycling;
    private final ControlChannel control;
    private final Runnable closeListener;
    private final PidFile pidFile;
    private final Semaphore wake = new Semaphore(0);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean stopping;
    private int generation;

    /**
     * @param closeListener closes the master's copy of the listening socket (a graceful stop does it
     *                      first, so new clients are refused instead of queued for nobody)
     * @param pidFile       removed at stop; null when there is none
     */
    public Master(ServerConfig config, SharedScoreboard board, ChildCommand command, PrintStream log,
                  Runnable closeListener, PidFile pidFile) {
        this.config = config;
        this.capacity = ModelCapacity.of(config);
        this.board = board;
        this.log = log;
        this.closeListener = closeListener;
        this.pidFile = pidFile;
        this.table = new ChildTable(board.serverLimit());
        this.spawner = new Spawner(board, command, table, wake::release);
        this.maintenance = new SpareMaintenance(capacity.minSpare(), capacity.maxSpare(), capacity.idlePerChild(),
                capacity.maxChildren());
        this.restart = new GracefulRestart(board, table, spawner, log);
        this.recycling = new Recycling(board, table, spawner, capacity.maxChildren());
        this.control = new ControlChannel(board, wake::release);
    }

    /** Starts StartServers children, then keeps them until a stop or graceful stop; then cleans up. */
    public void run() throws IOException {
        try {
            control.install(log);
            board.setGeneration(generation);
            startChildren();
            serve();
        } finally {
            done.countDown();
        }
    }

    /**
     * For a shutdown hook: asks the loop to stop and waits for it (up to 10 s). Does nothing once the
     * loop is done, so a normal exit after a stop returns at once.
     */
    public void stopFromHook() {
        if (done.getCount() == 0) {
            return;
        }
        control.post(ControlRequest.STOP);
        try {
            done.await(HOOK_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        long nextTick = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TICK_MS);
        while (true) {
            pause(Math.min(TimeUnit.MILLISECONDS.toNanos(POLL_MS), nextTick - System.nanoTime()));
            ControlRequest request = control.poll();
            if (request == ControlRequest.STOP) {
                stopHard();
                return;
            }
            if (request == ControlRequest.GRACEFUL_STOP) {
                stopGracefully();
                return;
            }
            try {
                if (request == ControlRequest.RESTART) {
                    restartHard();
                } else if (request == ControlRequest.GRACEFUL) {
                    restart.begin(nextGeneration());
                }
                reap();
                restart.step();
                recycling.step(generation);
                if (System.nanoTime() - nextTick >= 0) {
                    nextTick += TimeUnit.MILLISECONDS.toNanos(TICK_MS);
                    if (!restart.pending()) {
                        maintain();
                    }
                }
            } catch (IOException e) {
                // Out of processes or memory, perhaps for a moment: say so and try again next pass.
                log.println("mpmbench: " + e.getMessage());
            }
        }
    }

    private void startChildren() throws IOException {
        long t0 = System.nanoTime();
        List<ChildProcess> started = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(config.startServers(), capacity.maxChildren()); i++) {
            ChildProcess c = spawner.spawn(generation);
            if (c != null) {
                started.add(c);
            }
        }
        StartupReport.await(started, board, t0, control::pending, log);
    }

    private int nextGeneration() {
        board.setGeneration(++generation);
        return generation;
    }

    private void maintain() throws IOException {
        Census census = Census.take(table, board);
        SpareMaintenance.Decision d = maintenance.decide(census.idle(), census.serving());
        for (int i = 0; i < d.spawn() && spawner.spawn(generation) != null; i++) {
            // spawned one
        }
        if (d.stopOneIdle() && census.idlest() != null) {
            spawner.quit(census.idlest());
        }
    }

    /**
     * Clears the slots of children that exited. One that died without being asked to (a crash, a
     * SIGKILL) is replaced at once, one for one, rather than at the next maintenance tick.
     */
    private void reap() throws IOException {
        for (ChildProcess c : table.all()) {
            if (c.process.isAlive()) {
                continue;
            }
            boolean expected = c.quitRequested || board.processState(c.slot) == ProcessState.STOPPING;
            board.releaseProcess(c.slot);
            table.remove(c);
            if (!expected && !stopping) {
                log.printf("mpmbench: child pid %d (slot %d) exited with status %d; replacing it%n",
                        c.pid(), c.slot, c.process.exitValue());
                spawner.spawn(generation);
            }
        }
    }

    /** httpd's {@code -k restart}: every child stopped hard, the socket kept, a new generation started. */
    private void restartHard() throws IOException {
        restart.finish();
        List<ChildProcess> all = table.all();
        log.printf("mpmbench serve: restart, generation %d: stopping %d children%n", generation + 1, all.size());
        all.forEach(c -> c.quitRequested = true);
        Shutdown.hard(handles(all));
        reap();
        nextGeneration();
        startChildren();
    }

    /**
     * httpd's {@code -k graceful-stop}: the listener closes, every child finishes its requests, and
     * what is left after GracefulShutdownTimeout (0: no limit) is stopped hard. A stop request
     * meanwhile goes hard at once.
     */
    private void stopGracefully() {
        long t0 = System.nanoTime();
        long timeoutMs = config.gracefulShutdownTimeoutMs();
        int children = table.all().size();
        log.printf("mpmbench serve: graceful stop of %d children (GracefulShutdownTimeout %s)%n", children,
                timeoutMs == 0 ? "none" : timeoutMs + " ms");
        log.flush();
        stopping = true;
        closeListener.run();
        restart.finish();
        table.all().forEach(spawner::quit);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!table.isEmpty() && (timeoutMs == 0 || System.nanoTime() - deadline < 0)
                && control.poll() != ControlRequest.STOP) {
            pause(TimeUnit.MILLISECONDS.toNanos(POLL_MS));
            reapQuietly();
        }
        log.printf("mpmbench serve: %d of %d children finished in %d ms%n", children - table.all().size(), children,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        stopHard();
    }

    /** httpd's {@code -k stop}: SIGTERM, SIGKILL after 5 s, then the scoreboard and pid file go. */
    private void stopHard() {
        long t0 = System.nanoTime();
        stopping = true;
        restart.finish();
        List<ProcessHandle> all = handles(table.all());
        long left = Shutdown.hard(all);
        reapQuietly();
        try {
            board.delete();
        } catch (IOException | IllegalStateException e) {
            log.println("mpmbench: could not delete the scoreboard " + board.file() + ": " + e.getMessage());
        }
        if (pidFile != null) {
            pidFile.remove();
        }
        log.printf("mpmbench serve: stopped %d children in %d ms%s%n", all.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), left == 0 ? "" : "; " + left + " did not exit");
        log.flush();
    }

    private void reapQuietly() {
        try {
            reap();
        } catch (IOException e) {
            // Stopping: nothing is replaced, so nothing can fail to start.
        }
    }

    private void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            wake.tryAcquire(nanos, TimeUnit.NANOSECONDS);
            wake.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.post(ControlRequest.STOP);
        }
    }

    private static List<ProcessHandle> handles(List<ChildProcess> children) {
        return children.stream().map(c -> c.process.toHandle()).toList();
    }
}
