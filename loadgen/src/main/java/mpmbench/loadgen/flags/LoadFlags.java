package mpmbench.loadgen.flags;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import mpmbench.loadgen.IoBackend;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.TlsEngine;
import mpmbench.loadgen.TlsOptions;
import mpmbench.loadgen.http.Target;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The flags of {@code mpmbench load}, declared once (a picocli mixin): the command line
 * ({@code cli.LoadMain}) shows and reads them, and an agent ({@code agent.AgentMain}) reads its share of
 * a load with the same declarations ({@link #parse}), so a flag means the same in both. What the flags
 * describe is a {@link LoadSpec} ({@link #spec()}, validated there); the rest say where the results go.
 * Flags follow wrk/wrk2 ({@code -t -c -d -R -H --latency --timeout}). Their order here is the order
 * of {@code --help}.
 */
public final class LoadFlags {

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "I/O threads (default ${DEFAULT-VALUE})")
    int threads = LoadSpec.DEFAULT_THREADS;

    @Option(names = {"-c", "--connections"}, paramLabel = "N",
            description = "active connections, >= threads (default ${DEFAULT-VALUE})")
    int connections = LoadSpec.DEFAULT_CONNECTIONS;

    @Option(names = {"-d", "--duration"}, paramLabel = "T", converter = DurationConverter.class,
            description = "measured window, e.g. 10s, 500ms, 2m (default 10s)")
    Duration duration = LoadSpec.DEFAULT_DURATION;

    @Option(names = {"-R", "--rate"}, paramLabel = "R",
            description = "open model: total requests/s over all connections (default: closed model)")
    Double rate;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "extra request header, repeatable")
    List<String> headers = new ArrayList<>();

    @Option(names = "--latency", description = "print the percentile table")
    boolean latency;

    @Option(names = "--timeout", paramLabel = "T", converter = DurationConverter.class,
            description = "per-request timeout (default 2s, the suite's and the ops tests' too)")
    Duration timeout = LoadSpec.DEFAULT_TIMEOUT;

    @Option(names = "--connect-timeout", paramLabel = "T", converter = DurationConverter.class,
            description = "connect timeout (default 2s)")
    Duration connectTimeout = LoadSpec.DEFAULT_CONNECT_TIMEOUT;

    @Option(names = "--warmup", paramLabel = "T", converter = DurationConverter.class,
            description = "run this long before the measured window; counted, kept out of histograms (default 0s)")
    Duration warmup = Duration.ZERO;

    @Option(names = "--settle", paramLabel = "MAX", converter = DurationConverter.class,
            description = "warm up until the requests/s are steady (the last 2 s within 10 %% of the 2 s before), "
                    + "at least --warmup, at most MAX (at least 4s), then measure -d at once; 0 = a fixed --warmup (default 0)")
    Duration settle = Duration.ZERO;

    @Option(names = "--no-keepalive", description = "Connection: close, a new connection per request (connect time included)")
    boolean noKeepAlive;

    @Option(names = "--pipeline", paramLabel = "N", description = "requests in flight per connection (default 1)")
    int pipeline = 1;

    @Option(names = "--idle", paramLabel = "N", description = "extra idle keep-alive connections held open (default 0)")
    int idle;

    @Option(names = "--idle-interval", paramLabel = "T", converter = DurationConverter.class,
            description = "how often an idle connection re-sends its request (default 3s)")
    Duration idleInterval = LoadSpec.DEFAULT_IDLE_INTERVAL;

    @Option(names = "--idle-rate", paramLabel = "N",
            description = "open the --idle connections at N per second, all threads together, evenly spaced: a "
                    + "server that closes waiting connections while its workers are busy (httpd's event MPM) keeps "
                    + "them when their TLS handshakes do not come at once "
                    + "(default: as fast as " + LoadSpec.IDLE_CONNECTING_PER_THREAD
                    + " connects in progress per thread allow)")
    Double idleRate;

    @Option(names = "--trickle", paramLabel = "N",
            description = "slow clients (slowloris) held beside the load: each sends the request head one byte per "
                    + "--trickle-interval and never ends it; reopened when the server closes it (default 0, at most "
                    + LoadSpec.MAX_TRICKLE + ")")
    int trickle;

    @Option(names = "--trickle-interval", paramLabel = "T", converter = DurationConverter.class,
            description = "how often a trickling connection sends its next byte (default 2s)")
    Duration trickleInterval = LoadSpec.DEFAULT_TRICKLE_INTERVAL;

    @Option(names = "--spin", paramLabel = "T", converter = DurationConverter.class,
            description = "open model: busy-wait this long before each send for µs-true send times "
                    + "(default 300us; 100us costs less CPU and is late more often on a VM; 0 sleeps "
                    + "all the way: sends tens of µs late)")
    Duration spin = LoadSpec.DEFAULT_SPIN;

    @Option(names = "--bind", paramLabel = "ADDRS", converter = BindRangeConverter.class,
            description = "source addresses, e.g. 127.0.0.2-127.0.0.9, used round-robin")
    List<InetAddress> bind = List.of();

    @Option(names = "--tls-protocols", paramLabel = "LIST", converter = TlsProtocolsConverter.class,
            description = "https://: the TLS versions offered, TLSv1.2, TLSv1.3 or TLSv1.2,TLSv1.3 (default both)")
    List<String> tlsProtocols = TlsOptions.DEFAULT.protocols();

    @Option(names = "--tls-resume", paramLabel = "HOW", converter = TlsResumeConverter.class,
            description = "https://: how a new connection resumes a session: none (every handshake full), "
                    + "session-id (TLS 1.2 only), ticket (default; TLS 1.3 tickets, TLS 1.2 tickets or its session ID)")
    TlsOptions.Resume tlsResume = TlsOptions.DEFAULT.resume();

    @Option(names = "--tls-groups", paramLabel = "LIST", converter = TlsGroupsConverter.class,
            description = "https://: the key-exchange groups offered, most preferred first: jdk (JSSE's own list, "
                    + "two TLS 1.3 key shares) or some of x25519, secp256r1, secp384r1, secp521r1, x448, ffdhe2048..8192 "
                    + "(default x25519 when TLS 1.3 is offered: one key share, as OpenSSL's clients; else jdk). A server "
                    + "that answers TLS 1.2 with an ECDSA certificate needs its curve listed, e.g. x25519,secp256r1")
    List<String> tlsGroups;

    @Option(names = "--tls-verify", description = "https://: check the server's certificate and name "
            + "(default: any certificate, as wrk)")
    boolean tlsVerify;

    @Option(names = "--tls-engine", paramLabel = "WHICH", converter = TlsEngineConverter.class,
            description = "https://: the TLS implementation: auto (openssl where libssl.so.3 loads, else jsse), openssl "
                    + "(OpenSSL's libssl through the FFM API, on the socket's descriptor), jsse (the JDK's) (default auto)")
    TlsEngine tlsEngine = TlsEngine.AUTO;

    @Option(names = "--io", paramLabel = "HOW", converter = IoBackendConverter.class,
            description = "how the I/O threads wait for sockets: auto (epoll where it works, else nio), nio "
                    + "(a Selector), epoll (Linux epoll and recv/send through the FFM API) (default auto)")
    IoBackend io = IoBackend.AUTO;

    @Option(names = "--hlog", paramLabel = "FILE", description = "HdrHistogram interval log, values in µs")
    Path hlog;

    @Option(names = "--hlog-interval", paramLabel = "T", converter = DurationConverter.class,
            description = "the interval log's step: 100ms, 200ms, 250ms, 500ms or 1s (default 1s; progress and "
                    + "the JSON's seconds stay per second)")
    Duration hlogInterval = Duration.ofSeconds(1);

    @Option(names = "--hgrm", paramLabel = "FILE", description = "percentile spectrum of the corrected latency, in ms")
    Path hgrm;

    @Option(names = "--csv", paramLabel = "FILE", description = "append one result row (header when new)")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "write the result as a JSON object")
    Path json;

    @Option(names = "--progress", description = "progress on stderr once a second even when it is not a terminal")
    boolean progress;

    @Parameters(index = "0", paramLabel = "URL", description = "http://host[:port][/path] or https://…")
    String url;

    /**
     * The spec that {@code mpmbench load} flags describe (the agent's way to read its share); the flags
     * that only say where results go are read and ignored.
     *
     * @throws IllegalArgumentException one line naming the bad flag or URL
     */
    public static LoadSpec parse(String... args) {
        LoadFlags flags = new LoadFlags();
        try {
            new CommandLine(flags).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return flags.spec();
    }

    /**
     * The spec these flags describe.
     *
     * @throws IllegalArgumentException one line naming the bad flag or URL
     */
    public LoadSpec spec() {
        if (idleRate != null && !(idleRate > 0)) {
            throw new IllegalArgumentException("--idle-rate must be > 0 connections/s, got " + idleRate
                    + " (leave it out to open them unpaced)");
        }
        if (rate != null && !(rate > 0)) {
            throw new IllegalArgumentException("-R/--rate must be > 0 requests/s, got " + rate
                    + " (leave it out for the closed model)");
        }
        return LoadSpec.builder(Target.parse(url)).threads(threads).connections(connections)
                .rate(rate == null ? 0 : rate).duration(duration).warmup(warmup).timeout(timeout)
                .connectTimeout(connectTimeout).keepAlive(!noKeepAlive).pipeline(pipeline).idle(idle)
                .idleInterval(idleInterval).idleRate(idleRate == null ? 0 : idleRate)
                .bindAddresses(bind).headers(headers).spin(spin).settle(settle)
                .trickle(trickle).trickleInterval(trickleInterval)
                .tls(new TlsOptions(tlsProtocols, tlsResume, tlsVerify,
                        tlsGroups != null ? tlsGroups : TlsOptions.defaultGroups(tlsProtocols), tlsEngine)).io(io).build();
    }

    /** {@code --latency}: print the percentile table. */
    public boolean latency() {
        return latency;
    }

    /** {@code --hlog FILE}, or null. */
    public Path hlog() {
        return hlog;
    }

    /** {@code --hlog-interval}: the interval log's step (checked by the run, {@code LoadRun.HLOG_INTERVALS}). */
    public Duration hlogInterval() {
        return hlogInterval;
    }

    /** {@code --hgrm FILE}, or null. */
    public Path hgrm() {
        return hgrm;
    }

    /** {@code --csv FILE}, or null. */
    public Path csv() {
        return csv;
    }

    /** {@code --json FILE}, or null. */
    public Path json() {
        return json;
    }

    /** {@code --progress}: progress on stderr even when it is not a terminal. */
    public boolean progress() {
        return progress;
    }
}
