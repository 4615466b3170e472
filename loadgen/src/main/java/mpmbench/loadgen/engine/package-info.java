/**
 * Runs a {@link mpmbench.loadgen.LoadSpec} into a {@link mpmbench.loadgen.LoadResult}: wrk's shape, one
 * {@link mpmbench.loadgen.engine.SingleThreadSelectorLoop} per I/O thread with its own selector and
 * connections ({@link mpmbench.loadgen.engine.Connection}), the closed and open send policies, the open
 * model's schedule, the run's clock (warm-up, window, grace), timeouts, idle and trickling connections,
 * and the window's accounting of every scheduled request. A connection's bytes meet its socket through a
 * {@code Wire} chosen once per connection: plain, or TLS for an {@code https://} target, on the engine chosen
 * once per run ({@code TlsEngines}, {@code --tls-engine}): {@code TlsWire} (a JSSE {@code SSLEngine} per
 * connection from the run's {@code ClientTls}) or {@code OpenSslWire} (an OpenSSL {@code SSL} per connection
 * on the socket's descriptor, from the run's {@code OpenSslContext}; libssl's calls in {@code OpenSsl}). Readiness comes from a
 * {@code Poller} chosen once per run ({@code IoBackends}, {@code --io}): a selector ({@code NioPoller}) or
 * Linux's epoll through the FFM API ({@code EpollPoller}, with {@code FdWire}'s {@code recv}/{@code send}
 * for plain connections; the libc calls in {@code LinuxNet}). {@link mpmbench.loadgen.engine.LoadRun} is the
 * entry point; progress goes out through its {@code Progress} callback once a second.
 *
 * <p>The hot path: the loop allocates nothing per request in the steady state; a change to it is
 * measured ({@code scripts/measure-loadgen}) before it is merged.
 *
 * <p>May use: the root package, {@code http}, {@code record}; HdrHistogram; the JDK (NIO, JSSE, and the
 * foreign-function API for {@link mpmbench.loadgen.engine.NativeTimer}, the epoll backend and OpenSSL's
 * {@code libssl}).
 */
package mpmbench.loadgen.engine;
