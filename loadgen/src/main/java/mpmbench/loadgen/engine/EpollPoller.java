package mpmbench.loadgen.engine;

import static mpmbench.loadgen.engine.LinuxNet.EPOLLERR;
import static mpmbench.loadgen.engine.LinuxNet.EPOLLET;
import static mpmbench.loadgen.engine.LinuxNet.EPOLLHUP;
import static mpmbench.loadgen.engine.LinuxNet.EPOLLIN;
import static mpmbench.loadgen.engine.LinuxNet.EPOLLOUT;
import static mpmbench.loadgen.engine.LinuxNet.EPOLLRDHUP;
import static mpmbench.loadgen.engine.LinuxNet.EVENT_BYTES;
import static mpmbench.loadgen.engine.LinuxNet.EVENT_DATA_OFFSET;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * Linux's epoll through the FFM API ({@link LinuxNet}), the {@link Poller} of {@code --io epoll}: one
 * epoll descriptor per loop, level-triggered as the JDK's selector, {@code epoll_pwait2} into a native
 * array with a ns timeout (one system call per wait where NIO's ns wait makes two: {@code ppoll}, then
 * {@code epoll_wait}). An event's data is the connection's slot in this poller's table and its
 * {@link Connection#generation}, so a readiness of a socket closed earlier in the same wait is dropped;
 * no {@code SelectionKey}, no selected-key set, no lock. A closed socket leaves the epoll set by its
 * {@code close} (the descriptor is not duplicated), so a close is one system call. A plain connection's
 * socket is its own ({@link NativeSockets}, no channel) and registered once, edge-triggered for reading
 * and writing: the loop's interest ({@link Connection#pollOps}) filters what is handed over, so a change
 * of interest costs no {@code epoll_ctl} (the loop reads until a short read and writes until the socket
 * is full, so an edge is never missed; a connection whose event said {@code EPOLLRDHUP}, whose close a
 * short read may have left unread, is handed over as readable again at each wait until the loop has
 * closed it, as level-triggered readiness would: {@link Connection#peerClosed}). A TLS connection keeps its channel, level-triggered.
 *
 * <p>Waits follow {@link SelectorWait}'s rule (sleep with a ns timeout until {@code spinNs} before a
 * precise deadline, then spin on zero-timeout waits). The thread's timer slack is set to 1 ns, as
 * {@link NativeTimer} does. Allocates nothing per wait or per event. Owned by one loop thread.
 */
final class EpollPoller implements Poller {

    /** Events taken per wait; more ready sockets than this wait for the next wait (level-triggered). */
    private static final int MAX_EVENTS = 256;

    private final int epfd;
    private final long spinNs;
    private final Ready ready;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment events = arena.allocate((long) MAX_EVENTS * EVENT_BYTES, 8);
    private final MemorySegment event = arena.allocate(16, 8);
    private final MemorySegment timespec = arena.allocate(16, 8);
    private final NativeSockets sockets = new NativeSockets();
    private Connection[] slots = new Connection[64];
    private int used;
    /** Connections whose peer's close was reported, edge-triggered, with their generation then. */
    private Connection[] closedPeer = new Connection[16];
    private int[] closedGeneration = new int[16];
    private int closedPeers;

    /**
     * Makes the epoll descriptor; call from the loop's thread (the timer slack is the calling thread's).
     *
     * @param spinNs how long before a precise deadline the wait spins, ns
     * @throws IllegalStateException when epoll cannot be used ({@link LinuxNet#unavailable()})
     */
    EpollPoller(long spinNs, Ready ready) {
        String why = LinuxNet.unavailable();
        if (why != null) {
            throw new IllegalStateException("epoll is not available: " + why);
        }
        this.spinNs = spinNs;
        this.ready = ready;
        try {
            this.epfd = (int) LinuxNet.EPOLL_CREATE1.invokeExact(LinuxNet.EPOLL_CLOEXEC);
            int ignored = (int) LinuxNet.PRCTL.invokeExact(LinuxNet.PR_SET_TIMERSLACK, 1L, 0L, 0L, 0L);
        } catch (Throwable e) {
            arena.close();
            throw new IllegalStateException("epoll_create1 failed", e);
        }
        if (epfd < 0) {
            arena.close();
            throw new IllegalStateException("epoll_create1 failed");
        }
    }

    @Override
    public String name() {
        return "epoll";
    }

    @Override
    public boolean nanosecondTimer() {
        return true;
    }

    @Override
    public boolean connect(Connection c, InetSocketAddress to, InetSocketAddress from) throws IOException {
        if (!c.nativeSocket) {
            boolean done = c.openChannel(to, from);
            register(c, done ? READ : CONNECT);
            return done;
        }
        c.fd = sockets.open(to, from); // closed by the loop (release) if what follows fails
        boolean done = sockets.connectedAtOnce();
        slot(c);
        c.pollOps = done ? READ : CONNECT;
        c.peerClosed = false;
        if (ctl(LinuxNet.EPOLL_CTL_ADD, c, EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET) != 0) {
            throw new IOException("epoll_ctl ADD failed");
        }
        return done;
    }

    @Override
    public boolean finishConnect(Connection c) throws IOException {
        if (!c.nativeSocket) {
            return c.channel.finishConnect();
        }
        sockets.finishConnect(c.fd);
        return true;
    }

    private void slot(Connection c) {
        if (c.slot < 0) {
            if (used == slots.length) {
                slots = Arrays.copyOf(slots, used * 2);
            }
            c.slot = used;
            slots[used++] = c;
        }
    }

    @Override
    public void register(Connection c, int ops) throws IOException {
        slot(c);
        c.fd = LinuxNet.fd(c.channel);
        c.pollOps = ops;
        if (ctl(LinuxNet.EPOLL_CTL_ADD, c, mask(ops)) != 0) {
            throw new IOException("epoll_ctl ADD failed");
        }
    }

    @Override
    public void interest(Connection c, int ops) {
        if (ops != c.pollOps) {
            c.pollOps = ops;
            if (!c.nativeSocket) { // edge-triggered for both directions: the loop's interest filters
                ctl(LinuxNet.EPOLL_CTL_MOD, c, mask(ops));
            }
        }
    }

    @Override
    public void release(Connection c) {
        if (c.channel != null) {
            try {
                c.channel.close(); // unregistered with any selector: a plain close(2), which leaves the epoll set
            } catch (IOException ignored) {
                // the descriptor is released either way
            }
        } else if (c.fd >= 0) {
            NativeSockets.close(c.fd);
        }
        c.fd = -1;
        c.pollOps = 0;
    }

    private static int mask(int ops) {
        return ((ops & READ) != 0 ? EPOLLIN : 0) | ((ops & (WRITE | CONNECT)) != 0 ? EPOLLOUT : 0);
    }

    private int ctl(int op, Connection c, int mask) {
        event.set(ValueLayout.JAVA_INT, 0, mask);
        event.set(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_DATA_OFFSET, ((long) c.generation << 32) | c.slot);
        try {
            return (int) LinuxNet.EPOLL_CTL.invokeExact(epfd, op, c.fd, event);
        } catch (Throwable e) {
            throw new IllegalStateException("epoll_ctl failed", e);
        }
    }

    @Override
    public void await(long coarseNs, long preciseNs) {
        if (closedPeers > 0 && readClosedPeers() > 0) {
            waitAndDispatch(0); // as a level-triggered wait would have returned at once
            return;
        }
        long now = System.nanoTime();
        boolean precise = preciseNs <= coarseNs;
        long deadline = precise ? preciseNs : coarseNs;
        long sleepNs = (precise ? deadline - spinNs : deadline) - now;
        if (sleepNs > 0) {
            if (waitAndDispatch(sleepNs) > 0 || !precise) {
                return;
            }
        } else if (!precise) {
            waitAndDispatch(0);
            return;
        }
        do {
            if (waitAndDispatch(0) > 0) {
                return;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
    }

    /**
     * Hands each connection whose peer closed (or reset) and whose socket the loop has not closed since
     * to the loop as readable once more, as a level-triggered epoll would at the next wait: the loop reads
     * until a short read, which may leave the end of the stream unread. The same timing as NIO's matters:
     * {@link ServerCloses}'s probe needs the server's reset to have come back, which takes a moment.
     *
     * @return how many were handed over
     */
    private int readClosedPeers() {
        int n = closedPeers;
        int kept = 0;
        int handed = 0;
        for (int i = 0; i < n; i++) {
            Connection c = closedPeer[i];
            closedPeer[i] = null;
            if (c.generation != closedGeneration[i] || c.fd < 0) {
                continue; // closed by the loop: done
            }
            closedPeer[kept] = c; // still open: again next turn, until the loop closes it
            closedGeneration[kept++] = c.generation;
            if ((c.pollOps & READ) != 0) {
                handed++;
                ready.ready(c, READ);
            }
        }
        closedPeers = kept;
        return handed;
    }

    /** One {@code epoll_pwait2} of at most {@code ns} (0: none), its events handed to the loop. */
    private int waitAndDispatch(long ns) {
        timespec.set(ValueLayout.JAVA_LONG, 0, ns / 1_000_000_000L);
        timespec.set(ValueLayout.JAVA_LONG, 8, ns % 1_000_000_000L);
        int n;
        try {
            n = (int) LinuxNet.EPOLL_PWAIT2.invokeExact(epfd, events, MAX_EVENTS, timespec, MemorySegment.NULL);
        } catch (Throwable e) {
            throw new IllegalStateException("epoll_pwait2 failed", e);
        }
        for (int i = 0; i < n; i++) { // n < 0: EINTR, nothing to hand over
            long base = (long) i * EVENT_BYTES;
            int mask = events.get(ValueLayout.JAVA_INT_UNALIGNED, base);
            long data = events.get(ValueLayout.JAVA_LONG_UNALIGNED, base + EVENT_DATA_OFFSET);
            Connection c = slots[(int) data];
            if (c.generation != (int) (data >>> 32) || c.fd < 0) {
                continue; // its socket was closed earlier in this wait
            }
            int want = c.pollOps;
            if ((mask & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0 && c.nativeSocket && !c.peerClosed) {
                c.peerClosed = true; // edge-triggered: no new event will come for the close; read it next turn
                if (closedPeers == closedPeer.length) {
                    closedPeer = Arrays.copyOf(closedPeer, closedPeers * 2);
                    closedGeneration = Arrays.copyOf(closedGeneration, closedPeers * 2);
                }
                closedPeer[closedPeers] = c;
                closedGeneration[closedPeers++] = c.generation;
            }
            int ops = 0;
            if ((mask & (EPOLLIN | EPOLLERR | EPOLLHUP)) != 0) {
                ops |= want & READ;
            }
            if ((mask & (EPOLLOUT | EPOLLERR | EPOLLHUP)) != 0) {
                ops |= want & (WRITE | CONNECT);
            }
            if (ops != 0) {
                ready.ready(c, ops);
            }
        }
        return Math.max(n, 0);
    }

    @Override
    public void close() {
        try {
            int ignored = (int) LinuxNet.CLOSE.invokeExact(epfd);
        } catch (Throwable ignored) {
            // the descriptor goes with the process anyway
        }
        sockets.close();
        arena.close();
    }
}
