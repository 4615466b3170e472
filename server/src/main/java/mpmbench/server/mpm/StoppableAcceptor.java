package mpmbench.server.mpm;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A blocking accept on the shared listening socket that another thread can stop without losing a
 * connection.
 *
 * <p>Closing the inherited channel is the only way to wake a thread blocked in accept(), and it is
 * fine for a child that is about to exit: the socket stays open in the master and the other children,
 * and the connections queued on it stay there for them. The danger is a connection accepted in the
 * same instant. Interrupting the thread would lose it: the JDK then throws ClosedByInterruptException
 * even when the accept completed, and the new connection is never handed out (its client is reset
 * when the process exits). Closing the channel does not: an accept that completed returns its
 * connection, one that did not throws AsynchronousCloseException. So {@link #stop()} closes and never
 * interrupts; a connection that got through is served.
 *
 * <p>Threading: {@link #accept()} from one thread; {@link #stop()} from any.
 */
public final class StoppableAcceptor {

    private final ServerSocketChannel listen;
    private final AcceptBackoff backoff = new AcceptBackoff();
    private volatile boolean stopped;

    public StoppableAcceptor(ServerSocketChannel listen) {
        this.listen = listen;
    }

    /**
     * Accepts the next connection, or returns {@code null} once stopped. A failing accept (EMFILE)
     * is retried after an {@link AcceptBackoff} pause, at most 1 s, or until {@link #stop()}.
     */
    public SocketChannel accept() {
        while (!stopped) {
            try {
                SocketChannel ch = listen.accept();
                backoff.succeeded();
                return ch;
            } catch (ClosedChannelException e) {
                return null;
            } catch (IOException e) {
                pause(backoff.failed(e));
            }
        }
        return null;
    }

    private void pause(long ms) {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        while (!stopped && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(Math.min(ms, 10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * After this, {@link #accept()} returns {@code null}; a thread blocked in it wakes at once. Closes
     * the child's copy of the listening socket (the master and the other children keep theirs), so
     * once the master closes its own at a graceful stop, new clients are refused. The child's stdout
     * and stderr stay ({@link InheritedListenSocket}).
     */
    public void stop() {
        stopped = true;
        try {
            InheritedListenSocket.close(listen);
        } catch (IOException ignored) {
            // closing our copy of a socket others hold: nothing to report
        }
    }

    public boolean stopped() {
        return stopped;
    }
}
