package mpmbench.server.config;

import static mpmbench.server.config.Mpm.EVENT;
import static mpmbench.server.config.Mpm.PREFORK;
import static mpmbench.server.config.Mpm.WORKER;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every directive we understand: its httpd name, value type, range, the models it applies to, and
 * where its value lives in {@link ServerConfig}. Defaults per model are in {@link ModelDefaults}.
 *
 * <p>Units: {@link ValueType#DURATION_MS} directives are written in seconds (or with an {@code ms}
 * suffix) and stored in milliseconds; their {@link #min()}/{@link #max()} are in milliseconds.
 * Sizes are in bytes. A directive that does not apply to the chosen model is accepted (its value must
 * still have the right form) and ignored, as httpd ignores another MPM's directives.
 */
public enum Directive {
    /** {@code [host:]port [http|https]}; https needs SSLEngine on. */
    LISTEN("Listen", ValueType.LISTEN, 0, 0, all(),
            c -> new Listen(c.listenHost(), c.listenPort(), c.listenProtocol())),
    START_SERVERS("StartServers", ValueType.INT, 1, Integer.MAX_VALUE, processes(), ServerConfig::startServers),
    MIN_SPARE_SERVERS("MinSpareServers", ValueType.INT, 1, Integer.MAX_VALUE, EnumSet.of(PREFORK),
            ServerConfig::minSpareServers),
    MAX_SPARE_SERVERS("MaxSpareServers", ValueType.INT, 1, Integer.MAX_VALUE, EnumSet.of(PREFORK),
            ServerConfig::maxSpareServers),
    /** Upper bound from prefork's MAX_SERVER_LIMIT (200000). */
    SERVER_LIMIT("ServerLimit", ValueType.INT, 1, 200_000, processes(), ServerConfig::serverLimit),
    /** Upper bound from event's MAX_THREAD_LIMIT (100000). */
    THREAD_LIMIT("ThreadLimit", ValueType.INT, 1, 100_000, threaded(), ServerConfig::threadLimit),
    /** The upper bound actually enforced is ThreadLimit; 100000 only bounds the form. */
    THREADS_PER_CHILD("ThreadsPerChild", ValueType.INT, 1, 100_000, threaded(), ServerConfig::threadsPerChild),
    MIN_SPARE_THREADS("MinSpareThreads", ValueType.INT, 1, Integer.MAX_VALUE, threaded(),
            ServerConfig::minSpareThreads),
    MAX_SPARE_THREADS("MaxSpareThreads", ValueType.INT, 1, Integer.MAX_VALUE, threaded(),
            ServerConfig::maxSpareThreads),
    /** httpd 2.4 still accepts the 2.2 name MaxClients. */
    MAX_REQUEST_WORKERS("MaxRequestWorkers", ValueType.INT, 1, Integer.MAX_VALUE, all(),
            ServerConfig::maxRequestWorkers, "MaxClients"),
    /** httpd 2.4 still accepts the 2.2 name MaxRequestsPerChild. 0 = never recycle. */
    MAX_CONNECTIONS_PER_CHILD("MaxConnectionsPerChild", ValueType.INT, 0, Integer.MAX_VALUE, all(),
            ServerConfig::maxConnectionsPerChild, "MaxRequestsPerChild"),
    LISTEN_BACKLOG("ListenBacklog", ValueType.INT, 1, Integer.MAX_VALUE, all(), ServerConfig::listenBacklog),
    KEEP_ALIVE("KeepAlive", ValueType.BOOLEAN, 0, 0, all(), c -> c.timeouts().keepAlive()),
    /** Seconds in the file, ms in the config. */
    KEEP_ALIVE_TIMEOUT("KeepAliveTimeout", ValueType.DURATION_MS, 1, Long.MAX_VALUE, all(),
            c -> c.timeouts().keepAliveTimeoutMs()),
    /** 0 = unlimited, as in httpd. */
    MAX_KEEP_ALIVE_REQUESTS("MaxKeepAliveRequests", ValueType.INT, 0, Integer.MAX_VALUE, all(),
            c -> c.timeouts().maxKeepAliveRequests()),
    /** Seconds in the file, ms in the config. */
    TIMEOUT("Timeout", ValueType.DURATION_MS, 1, Long.MAX_VALUE, all(), c -> c.timeouts().timeoutMs()),
    ASYNC_REQUEST_WORKER_FACTOR("AsyncRequestWorkerFactor", ValueType.DOUBLE, 0, 0, EnumSet.of(EVENT),
            ServerConfig::asyncRequestWorkerFactor),
    /** Seconds in the file, ms in the config; 0 = wait for ever. */
    GRACEFUL_SHUTDOWN_TIMEOUT("GracefulShutdownTimeout", ValueType.DURATION_MS, 0, Long.MAX_VALUE, all(),
            ServerConfig::gracefulShutdownTimeoutMs),
    /** Bytes; at least 64 because {@link mpmbench.server.http.request.HttpLimits} needs room for a request line. */
    LIMIT_REQUEST_LINE("LimitRequestLine", ValueType.INT, 64, Integer.MAX_VALUE, all(),
            c -> c.limits().requestLine()),
    /** Bytes. */
    LIMIT_REQUEST_FIELD_SIZE("LimitRequestFieldSize", ValueType.INT, 64, Integer.MAX_VALUE, all(),
            c -> c.limits().fieldSize()),
    /** httpd's 0 = unlimited is not supported: the parser needs a bound. Max 32767 as in httpd. */
    LIMIT_REQUEST_FIELDS("LimitRequestFields", ValueType.INT, 1, 32_767, all(), c -> c.limits().fields()),
    /** Bytes, 0..2147483647 as in httpd 2.4, where 0 means unlimited. */
    LIMIT_REQUEST_BODY("LimitRequestBody", ValueType.LONG, 0, Integer.MAX_VALUE, all(),
            c -> c.limits().requestBody()),
    /** Ours: the JVM flags of each child, a whitespace-separated list (quote it in a file). */
    CHILD_JVM_OPTIONS("ChildJvmOptions", ValueType.JVM_OPTIONS, 0, 0, all(), ServerConfig::childJvmOptions),
    /** httpd's PidFile: where the master writes its pid; empty (the default): one per listen address. */
    PID_FILE("PidFile", ValueType.PATH, 0, 0, all(), ServerConfig::pidFile),
    /** Ours: On lets any client read /server-status; Off (default) only loopback clients, as {@code Require local}. */
    SERVER_STATUS_REMOTE("ServerStatusRemote", ValueType.BOOLEAN, 0, 0, all(), ServerConfig::serverStatusRemote),
    /**
     * Ours, a calibration tool: tokens of CPU work added to every request (JMH's consumeCPU loop, see
     * {@code handler.CpuPlant}; about 2 ns a token, measured by {@code handler.PlantCalibration}). 0 = off.
     */
    MPMBENCH_PLANT_CPU("MpmbenchPlantCpu", ValueType.LONG, 0, 1_000_000_000L, all(), ServerConfig::plantCpuTokens),
    /** mod_ssl's: On serves TLS (MpmbenchTlsEngine: OpenSSL or JSSE) on the Listen address; Off (default) plain HTTP. httpd's {@code optional} is not supported. */
    SSL_ENGINE("SSLEngine", ValueType.BOOLEAN, 0, 0, all(), c -> c.ssl().engine()),
    /** A PEM file: the certificate chain, leaf first; it may hold the private key too. Read by every child. */
    SSL_CERTIFICATE_FILE("SSLCertificateFile", ValueType.PATH, 0, 0, all(), c -> c.ssl().certificateFile()),
    /** A PEM file: the unencrypted private key (PKCS#8, or PKCS#1 RSA); empty: the key is in SSLCertificateFile. */
    SSL_CERTIFICATE_KEY_FILE("SSLCertificateKeyFile", ValueType.PATH, 0, 0, all(),
            c -> c.ssl().certificateKeyFile()),
    /** httpd's syntax, {@code all -SSLv3} by default; TLSv1.2 and TLSv1.3 are served. */
    SSL_PROTOCOL("SSLProtocol", ValueType.SSL_PROTOCOL, 0, 0, all(), c -> c.ssl().protocols()),
    /** An OpenSSL cipher string, the part both engines have ({@link SslCipherSuites}); DEFAULT by default. */
    SSL_CIPHER_SUITE("SSLCipherSuite", ValueType.CIPHER_SUITE, 0, 0, all(), c -> c.ssl().cipherSuite()),
    /** {@code none} (default) or a cache ({@code shmcb:path(size)}): then the engine's cache, one per child JVM. */
    SSL_SESSION_CACHE("SSLSessionCache", ValueType.SESSION_CACHE, 0, 0, all(), c -> c.ssl().sessionCache()),
    /** On (default): stateless session tickets; Off: TLS 1.3 resumes through the session cache only. */
    SSL_SESSION_TICKETS("SSLSessionTickets", ValueType.BOOLEAN, 0, 0, all(), c -> c.ssl().sessionTickets()),
    /**
     * Ours: who does the TLS, {@code openssl} (libssl.so.3 through the FFM API, as httpd and nginx; every
     * child shares its master's ticket keys), {@code jsse} (the JDK's), or {@code auto} (default: OpenSSL
     * where it can be used, else JSSE).
     */
    MPMBENCH_TLS_ENGINE("MpmbenchTlsEngine", ValueType.TLS_ENGINE, 0, 0, all(), c -> c.ssl().tlsEngine());

    private final String httpdName;
    private final ValueType type;
    private final long min;
    private final long max;
    private final Set<Mpm> appliesTo;
    private final Function<ServerConfig, Object> getter;
    private final List<String> aliases;

    Directive(String httpdName, ValueType type, long min, long max, Set<Mpm> appliesTo,
              Function<ServerConfig, Object> getter, String... aliases) {
        this.httpdName = httpdName;
        this.type = type;
        this.min = min;
        this.max = max;
        this.appliesTo = Set.copyOf(appliesTo);
        this.getter = getter;
        this.aliases = List.of(aliases);
    }

    /** The name as httpd spells it, e.g. {@code ThreadsPerChild}. */
    public String httpdName() {
        return httpdName;
    }

    /** Older names httpd still accepts for this directive. */
    public List<String> aliases() {
        return aliases;
    }

    ValueType type() {
        return type;
    }

    /** The smallest accepted value (ms for durations; DOUBLE: exclusive). */
    long min() {
        return min;
    }

    /** The largest accepted value (ms for durations); meaningless for non-numeric types. */
    long max() {
        return max;
    }

    /** What a value must look like, phrased to follow "Directive value: ". */
    String accepted() {
        // ThreadsPerChild's real bound is another directive; say so even before ThreadLimit is known.
        return this == THREADS_PER_CHILD ? "must be an integer from 1 to ThreadLimit" : type.accepted(this);
    }

    /** The models that read this directive; the others accept and ignore it. */
    public Set<Mpm> appliesTo() {
        return appliesTo;
    }

    public boolean appliesTo(Mpm mpm) {
        return appliesTo.contains(mpm);
    }

    /** This directive's value in {@code config}, as {@link ValueType} produces it. */
    Object valueIn(ServerConfig config) {
        return getter.apply(config);
    }

    /** This directive's value in {@code config} as written in a file or {@code --set}. */
    public String formatValueIn(ServerConfig config) {
        return type.format(valueIn(config));
    }

    /** The model's default, see {@link ModelDefaults}. */
    public String defaultFor(Mpm mpm) {
        return formatValueIn(ModelDefaults.of(mpm));
    }

    /** Finds a directive by name or alias, ignoring case as httpd does. */
    public static Optional<Directive> lookup(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Directive d : values()) {
            if (d.httpdName.toLowerCase(Locale.ROOT).equals(n)
                    || d.aliases.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(n))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static Set<Mpm> all() {
        return EnumSet.allOf(Mpm.class);
    }

    /** Models with more than one child process; virtual runs exactly one. */
    private static Set<Mpm> processes() {
        return EnumSet.of(PREFORK, WORKER, EVENT);
    }

    private static Set<Mpm> threaded() {
        return EnumSet.of(WORKER, EVENT);
    }
}
