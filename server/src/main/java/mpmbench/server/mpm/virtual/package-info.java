/**
 * The virtual-thread model: one virtual thread per connection, written as plainly as prefork's
 * loop; a connection borrows a connection loop (its buffers) only while a request is served, and
 * waits for its next request, or lingers at its close, parked with no buffer of its own.
 */
package mpmbench.server.mpm.virtual;
