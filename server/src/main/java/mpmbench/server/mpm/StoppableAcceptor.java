package mpmbench.server.mpm;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A blocking accept on the shared listening socket that another thread can stop without losing a
 * connection.
 *
 * <p>Closing the inherited channel is the only way to wake a thread blocked in accept(), and it is
 * fine for a child that is about to exit (the socket stays open in the master and the other
 * children). The danger is a connection accepted in the same instant: interrupting its thread
 * would close that connection too. So the acceptor and {@link #stop()} agree through a state
 * word: the interrupt is sent only while the thread is provably inside accept(), and a thread that
 * got a connection anyway clears the interrupt (under the same lock) and serves it.
 *
 * <p>Threading: {@link #accept()} from one thread; {@link #stop()} from any.
 */
public final class StoppableAcceptor {

    private static final int IDLE = 0;
    private static final int ACCEPTING = 1;
    private static final int STOPPED = 2;

    private final ServerSocketChannel listen;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final Object interruptLock = new Object();
    private volatile Thread thread;

    public StoppableAcceptor(ServerSocketChannel listen) {
        this.listen = listen;
    }

    /** Accepts the next connection, or returns {@code null} once stopped. */
    public SocketChannel accept() throws IOException {
        thread = Thread.currentThread();
        if (!state.compareAndSet(IDLE, ACCEPTING)) {
            return null;
        }
        SocketChannel ch;
        try {
            ch = listen.accept();
        } catch (AsynchronousCloseException e) {
            clearInterrupt();
            return null;
        } catch (ClosedChannelException e) {
            state.set(STOPPED);
            return null;
        }
        if (!state.compareAndSet(ACCEPTING, IDLE)) {
            clearInterrupt();
        }
        return ch;
    }

    private void clearInterrupt() {
        synchronized (interruptLock) {
            Thread.interrupted();
        }
    }

    /** After this, {@link #accept()} returns {@code null}; a thread blocked in it wakes at once. */
    public void stop() {
        synchronized (interruptLock) {
            int s = state.getAndSet(STOPPED);
            Thread t = thread;
            if (s == ACCEPTING && t != null) {
                t.interrupt();
            }
        }
    }

    public boolean stopped() {
        return state.get() == STOPPED;
    }
}
