package mpmbench.loadgen.engine;

import mpmbench.loadgen.record.Counter;

/**
 * Where an idle connection ({@code --idle}) ended up. Every idle connection of a run is in exactly one
 * class when the run ends, so the classes sum to {@code --idle}. {@link #CLOSED}, {@link #REFUSED} and
 * {@link #CONNECT_TIMEOUT} are final as soon as they happen (idle connections are never reopened); the
 * others are decided at the end from the connection's state.
 */
enum IdleClass {
    /** Established, open at the end, its request answered at least once. */
    OPEN_ANSWERED(Counter.IDLE_OPEN_ANSWERED),
    /** Established, open at the end, never answered (TLS: its handshake may not have finished). */
    OPEN_UNANSWERED(Counter.IDLE_OPEN_UNANSWERED),
    /** The TCP connect was still in progress at the end (the server's accept queue had no room for it). */
    CONNECTING(Counter.IDLE_CONNECTING),
    /** The connect had not started when the run ended. */
    NOT_STARTED(Counter.IDLE_NOT_STARTED),
    /** The connect was refused or failed at once. */
    REFUSED(Counter.IDLE_REFUSED),
    /** The TCP connect did not complete within {@code --connect-timeout} (a TLS handshake is not bounded by it). */
    CONNECT_TIMEOUT(Counter.IDLE_CONNECT_TIMEOUTS),
    /** Established, then closed by the server (or reset, or an answer that was not HTTP, or a failed TLS handshake). */
    CLOSED(Counter.IDLE_CLOSED);

    final Counter counter;

    IdleClass(Counter counter) {
        this.counter = counter;
    }
}
