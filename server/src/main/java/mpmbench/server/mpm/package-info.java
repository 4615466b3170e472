/**
 * What every concurrency model shares, as httpd keeps {@code mpm_common.c} and {@code mpm_fdqueue.c}
 * beside {@code server/mpm/<name>/}: the small contract a model implements ({@link
 * mpmbench.server.mpm.ChildModel}: run, stop accepting), what its child process gives it ({@link
 * mpmbench.server.mpm.ChildContext}: the configuration, the inherited listening socket, its scoreboard
 * slot, the graceful stop and MaxConnectionsPerChild), the per-thread connection loop with the child's
 * policy around the endpoints ({@link mpmbench.server.mpm.ServingLoop}, {@code ConnectionPolicy}:
 * loopback-only {@code /server-status}, every answer closing its connection once the child stops),
 * and the pieces of the accepting and serving threads ({@code StoppableAcceptor}, {@code
 * InheritedListenSocket},
 * {@code AcceptBackoff}, {@code WorkerThread}). One subpackage per model: {@code prefork},
 * {@code worker}, {@code event}, {@code virtual}.
 *
 * <p>May use {@code config}, {@code handler}, {@code http}, {@code scoreboard} and {@code tls} (the child's
 * TLS context); never {@code child},
 * the process that picks a model ({@code child.ChildModels}), nor a model's own package. Each class
 * states its threading; none allocates per request.
 */
package mpmbench.server.mpm;
