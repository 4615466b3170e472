/**
 * The virtual-thread model: one virtual thread per connection, written as plainly as prefork's
 * loop; a connection borrows a connection loop (its buffers) only while a request is served, and
 * waits for its next request, or lingers at its close, parked with no buffer of its own.
 * MaxRequestWorkers bounds the connections held at once. May use {@code mpm}, {@code config},
 * {@code http} and {@code scoreboard}.
 */
package mpmbench.server.mpm.virtual;
