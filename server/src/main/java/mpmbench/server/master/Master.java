package mpmbench.server.master;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import mpmbench.server.config.Mpm;
import mpmbench.server.config.ServerConfig;
import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * The parent process, the same for every model: owns the listening socket and the scoreboard,
 * starts children, reaps them, keeps spare capacity once a second, and stops everything on SIGTERM
 * or Ctrl-C. It never accepts a connection itself.
 *
 * <p>Threading: {@link #run()} is the only thread that changes the set of children; child exits
 * wake it early; {@link #stop()} runs on the shutdown-hook thread and waits for the loop to leave.
 */
public final class Master {

    private static final long TICK_MS = 1_000;
    private static final long STOP_GRACE_MS = 5_000;

    private final ServerConfig config;
    private final SharedScoreboard board;
    private final ChildCommand command;
    private final PrintStream log;
    private final ChildProcess[] children;
    private final SpareMaintenance maintenance;
    private final int maxChildren;
    private final Semaphore wake = new Semaphore(0);
    private final Object lifecycle = new Object();
    private volatile boolean stopping;
    private boolean loopDone;
    private int generation;

    public Master(ServerConfig config, SharedScoreboard board, ChildCommand command, PrintStream log) {
        this.config = config;
        this.board = board;
        this.command = command;
        this.log = log;
        this.children = new ChildProcess[config.serverLimit()];
        int perChild = config.mpm().threaded() ? config.threadsPerChild() : 1;
        this.maxChildren = config.mpm() == Mpm.VIRTUAL
                ? config.serverLimit()
                : Math.max(1, Math.min(config.serverLimit(), config.maxRequestWorkers() / perChild));
        this.maintenance = config.mpm() == Mpm.PREFORK
                ? new SpareMaintenance(config.minSpareServers(), config.maxSpareServers(), 1, maxChildren)
                : new SpareMaintenance(config.minSpareThreads(), config.maxSpareThreads(), perChild, maxChildren);
    }

    /** Starts StartServers children, then maintains them until {@link #stop()}. */
    public void run() throws IOException {
        board.setGeneration(generation);
        long t0 = System.nanoTime();
        for (int i = 0; i < Math.min(config.startServers(), maxChildren); i++) {
            spawn();
        }
        reportStartup(t0);
        long nextTick = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TICK_MS);
        try {
            while (!stopping) {
                long waitNs = nextTick - System.nanoTime();
                if (waitNs > 0) {
                    wake.tryAcquire(waitNs, TimeUnit.NANOSECONDS);
                    wake.drainPermits();
                }
                if (stopping) {
                    break;
                }
                try {
                    reap();
                    if (System.nanoTime() - nextTick >= 0) {
                        nextTick += TimeUnit.MILLISECONDS.toNanos(TICK_MS);
                        maintain();
                    }
                } catch (IOException e) {
                    // Out of processes or memory, perhaps for a moment: say so and try again next tick.
                    log.println("mpmbench: " + e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (lifecycle) {
                loopDone = true;
                lifecycle.notifyAll();
            }
        }
    }

    /**
     * Watches the first children come up (every 5 ms, up to 60 s) and logs when the first one
     * accepts and when all StartServers do: the start-up cost of the model, which the suite reads.
     * Gives up at once when a child dies meanwhile, so the loop can replace it.
     */
    private void reportStartup(long t0) {
        long firstMs = -1;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        while (!stopping && System.nanoTime() < deadline) {
            int ready = 0;
            int started = 0;
            for (ChildProcess c : children) {
                if (c != null) {
                    if (!c.process.isAlive()) {
                        return; // the main loop reaps and replaces it; no start-up time to report
                    }
                    started++;
                    ready += board.processState(c.slot) == ProcessState.READY ? 1 : 0;
                }
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (ready > 0 && firstMs < 0) {
                firstMs = ms;
            }
            if (started > 0 && ready == started) {
                log.printf("mpmbench serve: %d children ready in %d ms (first after %d ms)%n", ready, ms, firstMs);
                log.flush();
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private void maintain() throws IOException {
        if (config.mpm() == Mpm.VIRTUAL) {
            while (liveChildren() < Math.min(config.startServers(), maxChildren)) {
                spawn();
            }
            return;
        }
        int idle = 0;
        int live = 0;
        ChildProcess idlest = null;
        int idlestIdle = -1;
        for (ChildProcess c : children) {
            if (c == null || c.quitRequested || board.processState(c.slot) == ProcessState.STOPPING) {
                continue;
            }
            live++;
            // A child that stopped accepting (event, full of connections) offers no spare capacity.
            int childIdle = board.notAccepting(c.slot) ? 0 : idleWorkers(c.slot);
            idle += childIdle;
            // Stop the child with the most idle workers, the last one on a tie: it loses the least work.
            if (childIdle >= idlestIdle && board.processState(c.slot) == ProcessState.READY) {
                idlest = c;
                idlestIdle = childIdle;
            }
        }
        SpareMaintenance.Decision d = maintenance.decide(idle, live);
        for (int i = 0; i < d.spawn(); i++) {
            spawn();
        }
        if (d.stopOneIdle() && idlest != null) {
            idlest.quitRequested = true;
            board.requestQuit(idlest.slot);
        }
    }

    private int idleWorkers(int slot) {
        int idle = 0;
        for (int w = 0; w < board.workersPerProcess(); w++) {
            WorkerStatus s = board.workerStatus(slot, w);
            if (s == WorkerStatus.READY || s == WorkerStatus.STARTING) {
                idle++;
            }
        }
        return idle;
    }

    private int liveChildren() {
        int n = 0;
        for (ChildProcess c : children) {
            n += c != null && !c.quitRequested ? 1 : 0;
        }
        return n;
    }

    private void spawn() throws IOException {
        int slot = freeSlot();
        if (slot < 0) {
            return;
        }
        board.claimProcess(slot, 0, generation);
        ProcessBuilder pb = new ProcessBuilder(command.forSlot(slot, generation))
                .redirectInput(Redirect.INHERIT)
                .redirectOutput(Redirect.INHERIT)
                .redirectError(Redirect.INHERIT);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            board.releaseProcess(slot);
            throw new IOException("cannot start a child JVM: " + e.getMessage(), e);
        }
        board.setPid(slot, p.pid());
        children[slot] = new ChildProcess(slot, p);
        p.onExit().thenRun(wake::release);
    }

    private int freeSlot() {
        for (int i = 0; i < children.length; i++) {
            if (children[i] == null) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Clears the slots of children that exited. One that died without being asked to (a crash, a
     * SIGKILL) is replaced at once, one for one, rather than at the next maintenance tick.
     */
    private void reap() throws IOException {
        for (ChildProcess c : children) {
            if (c == null || c.process.isAlive()) {
                continue;
            }
            int code = c.process.exitValue();
            boolean expected = c.quitRequested || board.processState(c.slot) == ProcessState.STOPPING;
            board.releaseProcess(c.slot);
            children[c.slot] = null;
            if (!expected && !stopping) {
                log.printf("mpmbench: child pid %d (slot %d) exited with status %d; replacing it%n",
                        c.pid(), c.slot, code);
                spawn();
            }
        }
    }

    /**
     * Stops the loop, sends SIGTERM to every child, escalates to SIGKILL after 5 s, and deletes the
     * scoreboard; returns within about 9 s. Only the first call acts.
     */
    public void stop() {
        if (stopping) {
            return;
        }
        long t0 = System.nanoTime();
        stopping = true;
        wake.release();
        synchronized (lifecycle) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!loopDone && System.nanoTime() < deadline) {
                try {
                    lifecycle.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        List<ProcessHandle> all = new ArrayList<>();
        for (ChildProcess c : children) {
            if (c != null) {
                all.add(c.process.toHandle());
                c.process.destroy();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MS);
        for (ProcessHandle h : all) {
            waitFor(h, deadline);
        }
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        long killDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (ProcessHandle h : all) {
            waitFor(h, killDeadline);
        }
        try {
            board.delete();
        } catch (IOException | IllegalStateException e) {
            log.println("mpmbench: could not delete the scoreboard " + board.file() + ": " + e.getMessage());
        }
        long left = all.stream().filter(ProcessHandle::isAlive).count();
        log.printf("mpmbench serve: stopped %d children in %d ms%s%n", all.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), left == 0 ? "" : "; " + left + " did not exit");
        log.flush();
    }

    private static void waitFor(ProcessHandle h, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            h.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            // Timed out or interrupted: the caller escalates.
        }
    }
}
