package mpmbench.server.scoreboard;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The scoreboard: a file in /dev/shm mapped by the master and every child, like httpd's.
 *
 * <p>Layout (all little-endian, offsets in bytes): a 64-byte header; then {@code serverLimit}
 * process slots of 128 bytes; then {@code serverLimit × workersPerProcess} worker slots of 32 bytes.
 * <pre>
 * header   0 magic 'MPMB'  4 layout version  8 generation  12 serverLimit  16 workersPerProcess
 *          20 mpm ordinal  24 master pid (long)  32 start time, epoch ms (long)
 *          40 control request (written by {@code mpmbench ctl}, taken by the master)
 *          44 control signals the master handles (bit mask, see {@link #signalsHandled()})
 * process  0 pid (long)  8 generation  12 state ({@link ProcessState})  16 quit request
 *          20 connections held  24 workers busy  28 not accepting  32 requests (long)  40 bytes (long)
 *          48 connections accepted (long)  56 retiring  60 may retire
 *          64 keep-alive connections closed because every worker was busy (long, event; see
 *             {@link #addKeepAliveClosedBusy})  72–127 free
 * worker   0 status ({@link WorkerStatus})  8 requests (long)  16 bytes (long)
 * </pre>
 *
 * <p>Threading: one writer per field, except the control request, which {@code mpmbench ctl} sets
 * and the master takes with an atomic exchange. The master writes a process slot's pid, generation and quit
 * request; the child owning the slot writes its state and counters; a worker thread writes its own
 * worker slot. Counters that several threads of one child share (the virtual-thread model, the
 * event model's connection count) are updated with atomic adds. Writes use release and reads
 * acquire semantics, so a reader sees a consistent value of each field (not a snapshot of all).
 */
public final class SharedScoreboard implements AutoCloseable {

    static final int MAGIC = 0x4D504D42;
    static final int VERSION = 4;
    static final int HEADER = 64;
    static final int PROCESS_SLOT = 128;
    static final int WORKER_SLOT = 32;

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final Path file;
    private final Arena arena;
    private final MemorySegment memory;
    private final int serverLimit;
    private final int workersPerProcess;

    private SharedScoreboard(Path file, Arena arena, MemorySegment memory, int serverLimit,
                             int workersPerProcess) {
        this.file = file;
        this.arena = arena;
        this.memory = memory;
        this.serverLimit = serverLimit;
        this.workersPerProcess = workersPerProcess;
    }

    /** Creates (or truncates) the file and writes the header; called once, by the master. */
    public static SharedScoreboard create(Path file, int serverLimit, int workersPerProcess,
                                          int mpmOrdinal, long masterPid) throws IOException {
        long size = size(serverLimit, workersPerProcess);
        Files.deleteIfExists(file);
        SharedScoreboard board = map(file, size, serverLimit, workersPerProcess, true);
        MemorySegment m = board.memory;
        m.set(ValueLayout.JAVA_INT, 4, VERSION);
        m.set(ValueLayout.JAVA_INT, 12, serverLimit);
        m.set(ValueLayout.JAVA_INT, 16, workersPerProcess);
        m.set(ValueLayout.JAVA_INT, 20, mpmOrdinal);
        m.set(ValueLayout.JAVA_LONG, 24, masterPid);
        m.set(ValueLayout.JAVA_LONG, 32, System.currentTimeMillis());
        for (int p = 0; p < serverLimit; p++) {
            for (int w = 0; w < workersPerProcess; w++) {
                board.setWorkerStatus(p, w, WorkerStatus.OPEN);
            }
        }
        INT.setRelease(m, 0L, MAGIC);
        return board;
    }

    /** Maps an existing scoreboard; called by each child. */
    public static SharedScoreboard open(Path file) throws IOException {
        long size = Files.size(file);
        if (size < HEADER) {
            throw new IOException("not a scoreboard (too small): " + file);
        }
        SharedScoreboard probe = map(file, HEADER, 0, 0, false);
        int magic = (int) INT.getAcquire(probe.memory, 0L);
        int serverLimit = probe.memory.get(ValueLayout.JAVA_INT, 12);
        int workers = probe.memory.get(ValueLayout.JAVA_INT, 16);
        probe.arena.close();
        if (magic != MAGIC || size != size(serverLimit, workers)) {
            throw new IOException("not a scoreboard of this version: " + file);
        }
        return map(file, size, serverLimit, workers, false);
    }

    private static SharedScoreboard map(Path file, long size, int serverLimit, int workers,
                                        boolean create) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = create
                ? FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (create) {
                ch.truncate(size);
                ch.write(java.nio.ByteBuffer.allocate(1), size - 1);
            }
            MemorySegment m = ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
            return new SharedScoreboard(file, arena, m, serverLimit, workers);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    static long size(int serverLimit, int workersPerProcess) {
        return HEADER + (long) serverLimit * PROCESS_SLOT
                + (long) serverLimit * workersPerProcess * WORKER_SLOT;
    }

    public Path file() {
        return file;
    }

    public int serverLimit() {
        return serverLimit;
    }

    public int workersPerProcess() {
        return workersPerProcess;
    }

    public int mpmOrdinal() {
        return memory.get(ValueLayout.JAVA_INT, 20);
    }

    public long startTimeMillis() {
        return memory.get(ValueLayout.JAVA_LONG, 32);
    }

    public int generation() {
        return (int) INT.getAcquire(memory, 8L);
    }

    public void setGeneration(int generation) {
        INT.setRelease(memory, 8L, generation);
    }

    /**
     * Leaves a control request for the master (the way {@code mpmbench ctl} reaches a master that
     * cannot take the request's signal): a code from 1 to 31 that the master's loop reads within
     * 100 ms. A later request overwrites one not yet taken.
     */
    public void requestControl(int code) {
        INT.setRelease(memory, 40L, code);
    }

    /** Takes the pending control request, 0 when there is none; the master's loop calls it. */
    public int takeControlRequest() {
        return (int) INT.getAndSet(memory, 40L, 0);
    }

    /**
     * The control requests (bit {@code 1 << code}) whose signal the master handles; the master
     * writes it once at start. {@code mpmbench ctl} signals those and writes the others here.
     */
    public int signalsHandled() {
        return (int) INT.getAcquire(memory, 44L);
    }

    public void setSignalsHandled(int mask) {
        INT.setRelease(memory, 44L, mask);
    }

    /** The master's pid, from the header. */
    public long masterPid() {
        return memory.get(ValueLayout.JAVA_LONG, 24);
    }

    // ---- process slots

    private long process(int slot) {
        return HEADER + (long) slot * PROCESS_SLOT;
    }

    public long pid(int slot) {
        return (long) LONG.getAcquire(memory, process(slot));
    }

    public ProcessState processState(int slot) {
        return ProcessState.ofCode((int) INT.getAcquire(memory, process(slot) + 12));
    }

    public void setProcessState(int slot, ProcessState state) {
        INT.setRelease(memory, process(slot) + 12, state.ordinal());
    }

    /** The master claims a slot for a new child (pid 0 until the child is known). */
    public void claimProcess(int slot, long pid, int generation) {
        long p = process(slot);
        for (long off = 16; off < PROCESS_SLOT; off += 8) {
            LONG.setRelease(memory, p + off, 0L);
        }
        INT.setRelease(memory, p + 8, generation);
        LONG.setRelease(memory, p, pid);
        INT.setRelease(memory, p + 12, ProcessState.STARTING.ordinal());
        for (int w = 0; w < workersPerProcess; w++) {
            long ws = worker(slot, w);
            LONG.setRelease(memory, ws + 8, 0L);
            LONG.setRelease(memory, ws + 16, 0L);
            setWorkerStatus(slot, w, WorkerStatus.STARTING);
        }
    }

    public void setPid(int slot, long pid) {
        LONG.setRelease(memory, process(slot), pid);
    }

    /** The master clears the slot of a child it reaped. */
    public void releaseProcess(int slot) {
        setProcessState(slot, ProcessState.FREE);
        LONG.setRelease(memory, process(slot), 0L);
        for (int w = 0; w < workersPerProcess; w++) {
            setWorkerStatus(slot, w, WorkerStatus.OPEN);
        }
    }

    public int processGeneration(int slot) {
        return (int) INT.getAcquire(memory, process(slot) + 8);
    }

    /** Written by the master: asks the child in {@code slot} to stop gracefully. */
    public void requestQuit(int slot) {
        INT.setRelease(memory, process(slot) + 16, 1);
    }

    public boolean quitRequested(int slot) {
        return (int) INT.getAcquire(memory, process(slot) + 16) != 0;
    }

    public int connections(int slot) {
        return (int) INT.getAcquire(memory, process(slot) + 20);
    }

    public void addConnections(int slot, int delta) {
        INT.getAndAdd(memory, process(slot) + 20, delta);
    }

    public int busyWorkers(int slot) {
        return (int) INT.getAcquire(memory, process(slot) + 24);
    }

    public void addBusyWorkers(int slot, int delta) {
        INT.getAndAdd(memory, process(slot) + 24, delta);
    }

    /**
     * Written by an event child: it holds as many connections as it may
     * (AsyncRequestWorkerFactor) and has stopped accepting, so its idle workers are no spare
     * capacity for new clients. httpd's {@code not_accepting}.
     */
    public void setNotAccepting(int slot, boolean notAccepting) {
        INT.setRelease(memory, process(slot) + 28, notAccepting ? 1 : 0);
    }

    public boolean notAccepting(int slot) {
        return (int) INT.getAcquire(memory, process(slot) + 28) != 0;
    }

    public long processRequests(int slot) {
        return (long) LONG.getAcquire(memory, process(slot) + 32);
    }

    public long processBytes(int slot) {
        return (long) LONG.getAcquire(memory, process(slot) + 40);
    }

    /** Counts a request on the process slot (models without worker slots); atomic. */
    public void addProcessRequest(int slot, long bytes) {
        LONG.getAndAdd(memory, process(slot) + 32, 1L);
        LONG.getAndAdd(memory, process(slot) + 40, bytes);
    }

    public long connectionsAccepted(int slot) {
        return (long) LONG.getAcquire(memory, process(slot) + 48);
    }

    public void addConnectionAccepted(int slot) {
        LONG.getAndAdd(memory, process(slot) + 48, 1L);
    }

    /**
     * Counts {@code n} keep-alive connections an event child closed because a pass of its selector
     * found every worker busy or a client waiting for the accept it had no room for (httpd event's
     * "kill'em all", see {@code mpm.event.BusyKeepAliveClose}); the child's selector thread only, once
     * per such pass. A counter since the slot was claimed, like the request counts.
     */
    public void addKeepAliveClosedBusy(int slot, int n) {
        LONG.getAndAdd(memory, process(slot) + 64, (long) n);
    }

    public long keepAliveClosedBusy(int slot) {
        return (long) LONG.getAcquire(memory, process(slot) + 64);
    }

    /**
     * Written by the child: it nears MaxConnectionsPerChild and wants a successor started now, while it
     * still accepts. See {@link mpmbench.server.mpm.ChildContext#accepted}.
     */
    public void announceRetiring(int slot) {
        INT.setRelease(memory, process(slot) + 56, 1);
    }

    public boolean retiring(int slot) {
        return (int) INT.getAcquire(memory, process(slot) + 56) != 0;
    }

    /**
     * Written by the master: the retiring child's successor accepts (or none can be started), so the
     * child may stop accepting once it has served MaxConnectionsPerChild connections.
     */
    public void allowRetiring(int slot) {
        INT.setRelease(memory, process(slot) + 60, 1);
    }

    public boolean retiringAllowed(int slot) {
        return (int) INT.getAcquire(memory, process(slot) + 60) != 0;
    }

    // ---- worker slots

    private long worker(int slot, int worker) {
        return HEADER + (long) serverLimit * PROCESS_SLOT
                + ((long) slot * workersPerProcess + worker) * WORKER_SLOT;
    }

    public WorkerStatus workerStatus(int slot, int worker) {
        return WorkerStatus.ofCode((int) INT.getAcquire(memory, worker(slot, worker)));
    }

    public void setWorkerStatus(int slot, int worker, WorkerStatus status) {
        INT.setRelease(memory, worker(slot, worker), status.code());
    }

    /** Counts one response on the worker's own slot; only that worker's thread calls it. */
    public void countWorkerRequest(int slot, int worker, long bytes) {
        long w = worker(slot, worker);
        LONG.setRelease(memory, w + 8, (long) LONG.getAcquire(memory, w + 8) + 1);
        LONG.setRelease(memory, w + 16, (long) LONG.getAcquire(memory, w + 16) + bytes);
    }

    public long workerRequests(int slot, int worker) {
        return (long) LONG.getAcquire(memory, worker(slot, worker) + 8);
    }

    public long workerBytes(int slot, int worker) {
        return (long) LONG.getAcquire(memory, worker(slot, worker) + 16);
    }

    /** Unmaps; the file stays. */
    @Override
    public void close() {
        arena.close();
    }

    /** Unmaps and deletes the file; the master's last act. */
    public void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }
}
