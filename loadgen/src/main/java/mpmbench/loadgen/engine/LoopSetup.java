package mpmbench.loadgen.engine;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What every {@link SingleThreadSelectorLoop} of a run is given; shared by the loops, read-only.
 *
 * @param address          the server's address
 * @param bindAddresses    local source addresses, used round-robin by connection index (empty: the kernel's choice)
 * @param clock            the run's phases
 * @param open             the open model ({@link OpenSendPolicy}) rather than the closed one
 * @param keepAlive        false: one connection per request
 * @param requestBytes     bytes of one encoded request
 * @param timeoutNs        a request unanswered this long after its send is a timeout, ns
 * @param connectTimeoutNs a connect not completed this long after it started is an error, ns
 * @param idleIntervalNs   how often an idle connection re-sends its request, ns
 * @param idleOpenEveryNs  the time between two opens of idle connections, all loops together
 *                         ({@code 1 / --idle-rate}), ns; 0: unpaced
 * @param idleIndexBase    {@link Connection#index} of the run's first idle connection (the active ones
 *                         come first): idle connection {@code index - idleIndexBase} opens in that place
 * @param spinNs           how long before an intended send the wait spins instead of sleeping, ns
 * @param request          one encoded request (what trickling connections send byte by byte, less its end)
 * @param trickleIntervalNs how often a trickling connection sends its next byte, ns
 * @param tls              {@code https://} on JSSE: the run's TLS client; {@code null} otherwise
 * @param openssl          {@code https://} on OpenSSL ({@code --tls-engine}): the run's context; {@code null} otherwise
 */
record LoopSetup(InetSocketAddress address, List<InetSocketAddress> bindAddresses, RunClock clock, boolean open,
                 boolean keepAlive, int requestBytes, long timeoutNs, long connectTimeoutNs, long idleIntervalNs,
                 long idleOpenEveryNs, int idleIndexBase, long spinNs, byte[] request, long trickleIntervalNs, ClientTls tls,
                 OpenSslContext openssl) {
}
