package mpmbench.server.mpm.event;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import mpmbench.server.http.ConnectionState;

/**
 * One connection of the event model, with its place in the selector thread's wait list: an
 * intrusive doubly linked list ordered by deadline, so parking and unparking a connection is O(1)
 * and allocates nothing.
 */
final class EventConnection {

    final SocketChannel channel;
    final ConnectionState state = new ConnectionState(true);
    SelectionKey key;
    /** Set by the worker when the exchange is over; the selector thread closes it after the hand-back. */
    boolean finished;
    /**
     * Set by the worker when the server ended the exchange after a response (FIN sent): the selector
     * thread drains it until {@link #lingerUntilNanos}, then closes it.
     */
    boolean lingering;
    long lingerUntilNanos;

    EventConnection prev;
    EventConnection next;
    long deadlineNanos;
    /** The list it waits in, or null while a worker has it. */
    WaitList list;

    EventConnection(SocketChannel channel) {
        this.channel = channel;
    }
}
