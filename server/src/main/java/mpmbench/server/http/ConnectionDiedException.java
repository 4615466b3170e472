package mpmbench.server.http;

import java.io.IOException;

/**
 * The connection died: the peer reset it, closed it in the middle of a request, or a read or write
 * failed. Nothing can be answered; the connection loop ends the exchange and its owner closes the
 * socket. Raised by {@link Http1Connection} around its I/O, so the loop handles three outcomes by
 * their names rather than by {@link IOException}. No stack trace: clients vanish all the time.
 */
public final class ConnectionDiedException extends RuntimeException {

    ConnectionDiedException(String reason) {
        super(reason, null, false, false);
    }

    ConnectionDiedException(IOException cause) {
        super(String.valueOf(cause), cause, false, false);
    }
}
