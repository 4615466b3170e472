package mpmbench.server.config;

import java.util.List;

import mpmbench.server.http.ConnectionTimeouts;
import mpmbench.server.http.request.HttpLimits;

/**
 * Everything a server start needs, after defaults, the config file and {@code --set} were applied
 * and validated. Built by {@link ConfigLoader}; the same record is handed to the master and, as
 * {@code --set} flags, to every child.
 *
 * @param mpm                       the concurrency model
 * @param listenHost                Listen address (127.0.0.1 by default)
 * @param listenPort                Listen port; 0 lets the kernel pick one (printed at start)
 * @param startServers              StartServers: child processes at start
 * @param minSpareServers           MinSpareServers (prefork): fewer idle children spawn more
 * @param maxSpareServers           MaxSpareServers (prefork): more idle children stop one a second
 * @param serverLimit               ServerLimit: most child processes at once
 * @param threadLimit               ThreadLimit: upper bound of ThreadsPerChild
 * @param threadsPerChild           ThreadsPerChild: worker threads per child (1 for prefork and virtual)
 * @param minSpareThreads           MinSpareThreads (worker, event): fewer idle threads spawn children
 * @param maxSpareThreads           MaxSpareThreads (worker, event): more idle threads stop children
 * @param maxRequestWorkers         MaxRequestWorkers: most requests served at once (virtual: connections)
 * @param maxConnectionsPerChild    MaxConnectionsPerChild: a child is recycled after this many, 0 = never;
 *                                  its successor starts first (see {@code ChildContext.accepted})
 * @param listenBacklog             ListenBacklog: the accept queue length
 * @param asyncRequestWorkerFactor  AsyncRequestWorkerFactor (event): connections per idle worker
 * @param gracefulShutdownTimeoutMs GracefulShutdownTimeout in ms, 0 = wait for ever
 * @param timeouts                  KeepAlive, KeepAliveTimeout, MaxKeepAliveRequests, Timeout
 * @param limits                    LimitRequestLine, LimitRequestFieldSize, LimitRequestFields,
 *                                  LimitRequestBody
 * @param childJvmOptions           ChildJvmOptions: the JVM flags each child starts with
 * @param pidFile                   PidFile: where the master writes its pid; empty for the default per listen address
 * @param serverStatusRemote        ServerStatusRemote: true lets any client read /server-status
 *                                  (httpd's {@code Require all granted}); false, the default, answers
 *                                  loopback clients only ({@code Require local}) and others 403
 * @param plantCpuTokens            MpmbenchPlantCpu: CPU work added to every request, in tokens of
 *                                  {@code handler.CpuPlant} (JMH's consumeCPU steps); 0, the default, is
 *                                  off. A calibration tool ({@code scripts/compare-planted}), not a workload
 * @param listenProtocol            Listen's protocol argument: http, https, or empty when not written
 * @param ssl                       mod_ssl's directives: SSLEngine, the PEM files, SSLProtocol,
 *                                  SSLCipherSuite, SSLSessionCache, SSLSessionTickets
 */
public record ServerConfig(
        Mpm mpm,
        String listenHost,
        int listenPort,
        int startServers,
        int minSpareServers,
        int maxSpareServers,
        int serverLimit,
        int threadLimit,
        int threadsPerChild,
        int minSpareThreads,
        int maxSpareThreads,
        int maxRequestWorkers,
        int maxConnectionsPerChild,
        int listenBacklog,
        double asyncRequestWorkerFactor,
        long gracefulShutdownTimeoutMs,
        ConnectionTimeouts timeouts,
        HttpLimits limits,
        List<String> childJvmOptions,
        String pidFile,
        boolean serverStatusRemote,
        long plantCpuTokens,
        String listenProtocol,
        SslSettings ssl) {

    public ServerConfig {
        childJvmOptions = List.copyOf(childJvmOptions);
    }
}
