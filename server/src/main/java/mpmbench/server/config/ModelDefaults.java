package mpmbench.server.config;

import mpmbench.server.http.ConnectionTimeouts;
import mpmbench.server.http.request.HttpLimits;

/**
 * The compiled-in defaults of each model, kept apart per model as httpd keeps them in
 * {@code server/mpm/<name>/mpm_default.h} and the MPM's {@code *_pre_config}.
 *
 * <ul>
 *   <li>prefork — httpd 2.4 {@code server/mpm/prefork/mpm_default.h}: DEFAULT_START_DAEMON 5,
 *       DEFAULT_MIN_FREE_DAEMON 5, DEFAULT_MAX_FREE_DAEMON 10; {@code prefork.c}: DEFAULT_SERVER_LIMIT
 *       256, MaxRequestWorkers defaults to ServerLimit. One worker per child.</li>
 *   <li>worker and event — {@code server/mpm/{worker,event}/mpm_default.h}: DEFAULT_START_DAEMON 3,
 *       DEFAULT_THREADS_PER_CHILD 25, MinSpareThreads = DEFAULT_MIN_FREE_DAEMON 3 × 25 = 75,
 *       MaxSpareThreads = DEFAULT_MAX_FREE_DAEMON 10 × 25 = 250; {@code worker.c}/{@code event.c}:
 *       DEFAULT_SERVER_LIMIT 16, DEFAULT_THREAD_LIMIT 64, MaxRequestWorkers = ServerLimit ×
 *       ThreadsPerChild = 400; event only: AsyncRequestWorkerFactor 2.</li>
 *   <li>virtual — ours, no httpd equivalent: ONE child process serving every connection on its own
 *       virtual thread, so StartServers 1 and ServerLimit 1 (fixed), ThreadsPerChild 1 (unused) and
 *       MaxRequestWorkers 10000 as the most connections the process holds at once.</li>
 *   <li>every model — httpd 2.4 core and mpm_common: MaxConnectionsPerChild 0 (never recycle),
 *       ListenBacklog 511 (DEFAULT_LISTENBACKLOG), KeepAlive On, KeepAliveTimeout 5 s,
 *       MaxKeepAliveRequests 100, Timeout 60 s, GracefulShutdownTimeout 0 (wait for ever), the
 *       request limits of {@link HttpLimits#DEFAULTS}; ours: Listen 127.0.0.1:8080 and
 *       {@link ChildJvmDefaults#OPTIONS}, no PidFile (the master writes one per listen address), ServerStatusRemote Off,
 *       MpmbenchPlantCpu 0 (no plant);
 *       mod_ssl's {@link SslSettings#DEFAULTS} (SSLEngine Off).</li>
 * </ul>
 *
 * <p>Fields of directives that do not apply to a model hold neutral values: 0 for unused spare counts
 * and AsyncRequestWorkerFactor, 1 for ThreadLimit and ThreadsPerChild (a prefork or virtual child is
 * one "worker" as far as the scoreboard is concerned).
 */
public final class ModelDefaults {

    private static final int LISTEN_BACKLOG = 511;

    private ModelDefaults() {
    }

    /** The configuration a model runs with when nothing is configured. */
    public static ServerConfig of(Mpm mpm) {
        return switch (mpm) {
            //                      start minSS maxSS srvLim thrLim tpc minST maxST maxRW  factor
            case PREFORK -> config(mpm, 5, 5, 10, 256, 1, 1, 0, 0, 256, 0);
            case WORKER -> config(mpm, 3, 0, 0, 16, 64, 25, 75, 250, 400, 0);
            case EVENT -> config(mpm, 3, 0, 0, 16, 64, 25, 75, 250, 400, 2);
            case VIRTUAL -> config(mpm, 1, 0, 0, 1, 1, 1, 0, 0, 10_000, 0);
        };
    }

    private static ServerConfig config(Mpm mpm, int startServers, int minSpareServers, int maxSpareServers,
                                       int serverLimit, int threadLimit, int threadsPerChild,
                                       int minSpareThreads, int maxSpareThreads, int maxRequestWorkers,
                                       double asyncRequestWorkerFactor) {
        return new ServerConfig(mpm, Listen.DEFAULT.host(), Listen.DEFAULT.port(), startServers,
                minSpareServers, maxSpareServers, serverLimit, threadLimit, threadsPerChild,
                minSpareThreads, maxSpareThreads, maxRequestWorkers, 0, LISTEN_BACKLOG,
                asyncRequestWorkerFactor, 0, ConnectionTimeouts.DEFAULTS, HttpLimits.DEFAULTS,
                ChildJvmDefaults.OPTIONS, "", false, 0, Listen.DEFAULT.protocol(), SslSettings.DEFAULTS);
    }
}
