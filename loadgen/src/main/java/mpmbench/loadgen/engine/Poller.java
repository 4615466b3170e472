package mpmbench.loadgen.engine;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * How a {@link SingleThreadSelectorLoop} learns which of its sockets are ready, chosen once per run
 * ({@code --io}, {@link mpmbench.loadgen.IoBackend}): {@link NioPoller} (a {@link java.nio.channels.Selector},
 * any platform) or {@link EpollPoller} (Linux's epoll through the FFM API, no {@code SelectionKey} work).
 * Interest and readiness are NIO's bits ({@link #READ}, {@link #WRITE}, {@link #CONNECT}) on both.
 *
 * <p>The waits follow {@link SelectorWait}'s rule: sleep in the kernel until a socket is ready or the
 * earlier of a coarse and a precise deadline (ns, {@link System#nanoTime()}), spinning the last
 * {@code spinNs} before a precise one. Every ready connection is handed to the loop's {@link Ready}
 * once per wait; a connection closed earlier in the same wait is not handed over for its old socket.
 *
 * <p>Owned by one loop thread: every method is called from it alone.
 */
interface Poller extends AutoCloseable {

    /** Readable (or the end of the stream, or an error). NIO's {@code OP_READ}. */
    int READ = 1;
    /** Writable. NIO's {@code OP_WRITE}. */
    int WRITE = 4;
    /** A non-blocking connect finished (or failed). NIO's {@code OP_CONNECT}. */
    int CONNECT = 8;

    /** What the loop does with a ready connection. */
    interface Ready {
        /** {@code c} is ready for {@code ops} (a combination of the bits above). */
        void ready(Connection c, int ops);
    }

    /** The backend's name as the result records it: {@code nio}, {@code epoll}. */
    String name();

    /** Whether the waits have ns timeouts (false: whole milliseconds). */
    boolean nanosecondTimer();

    /**
     * Opens {@code c}'s socket (TCP_NODELAY, bound to {@code from} when not {@code null}), starts its
     * non-blocking connect to {@code to} and watches it: for {@link #CONNECT}, or {@link #READ} when the
     * connect completed at once.
     *
     * @return true if the connect completed at once
     * @throws IOException if it failed at once (a connect error; the caller closes {@code c})
     */
    boolean connect(Connection c, InetSocketAddress to, InetSocketAddress from) throws IOException;

    /**
     * {@code c}'s connect in progress was reported ready: whether it has completed.
     *
     * @throws IOException if it failed (a connect error)
     */
    boolean finishConnect(Connection c) throws IOException;

    /**
     * Watches {@code c}'s freshly opened channel for {@code ops}.
     *
     * @throws IOException when the socket cannot be watched (a connect error for the caller)
     */
    void register(Connection c, int ops) throws IOException;

    /** Changes what {@code c} is watched for; no system call when it is unchanged. */
    void interest(Connection c, int ops);

    /**
     * {@code c}'s channel is done with: stops watching it and closes it (at once, or after the next wait
     * when the backend must first deregister it).
     */
    void release(Connection c);

    /**
     * Waits as the class comment says and hands each ready connection to the loop.
     *
     * @param coarseNs  a deadline that may be met a little late (nanoTime)
     * @param preciseNs a deadline that must be met to the µs ({@code Long.MAX_VALUE}: none)
     */
    void await(long coarseNs, long preciseNs) throws IOException;

    /** Closes the backend and every channel still waiting to be closed. */
    @Override
    void close();
}
