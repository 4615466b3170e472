/**
 * The child process: what a model needs inside it ({@link mpmbench.server.mpm.ChildContext}: the
 * inherited listening socket, the scoreboard slot, the graceful stop), the per-thread serving loop
 * with the child's connection policy around the endpoints (loopback-only /server-status, every
 * answer closing its connection once the child stops), and the training run behind the children's
 * ahead-of-time cache.
 */
package mpmbench.server.child;
