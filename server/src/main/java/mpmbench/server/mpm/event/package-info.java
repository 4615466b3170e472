/**
 * The event model: one selector thread holds the listening socket and every connection that waits
 * (for its first or next request, or in its lingering close), and ThreadsPerChild workers serve a
 * connection only while a request is read, handled and written, as httpd's mpm_event does. Only the
 * selector thread registers channels with its selector. May use {@code mpm}, {@code config},
 * {@code http} and {@code scoreboard}.
 */
package mpmbench.server.mpm.event;
