package mpmbench.loadgen;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import mpmbench.loadgen.http.Target;

/**
 * Everything that defines a load run, validated in one place. Built by the command line
 * ({@code mpmbench load}, {@code flags.LoadFlags}) and by code (tests, the agents' shares) alike, through
 * {@link #builder} or {@link #toBuilder}.
 *
 * @param target         the server
 * @param threads        I/O threads, each with its own selector and its own share of connections
 * @param connections    active connections, spread over the threads (at least one per thread)
 * @param rate           open model: total requests per second over all connections; 0 = closed model
 * @param duration       the measured window
 * @param warmup         run before the measured window; counted and shown, kept out of histograms
 * @param timeout        a request unanswered this long after its send counts as a timeout
 * @param connectTimeout a connect that has not completed this long after it started is an error
 * @param keepAlive      false: {@code Connection: close}, one new connection per request
 * @param pipeline       requests in flight per active connection (1 = no pipelining)
 * @param idle           extra idle keep-alive connections held open beside the active ones
 * @param idleInterval   how often an idle connection re-sends its request
 * @param idleRate       idle connections opened per second, all threads together ({@code --idle-rate}); 0: as
 *                       fast as {@value #IDLE_CONNECTING_PER_THREAD} connects in progress per thread
 *                       allow
 * @param bindAddresses  local source addresses, used round-robin (empty = the kernel's choice)
 * @param headers        extra request headers, {@code "Name: value"}
 * @param spin           open model: how long before each intended send the I/O thread stops sleeping and
 *                       busy-waits, for µs-true send times (0: sleep all the way, sends tens of µs late)
 * @param settle         0: the warm-up is {@code warmup}, fixed. Else the warm-up lasts until the
 *                       requests/s are steady ({@link mpmbench.loadgen.SteadyState}), at least
 *                       {@code warmup}, at most {@code settle}; the measured window follows at once
 * @param trickle        slow clients (slowloris) held beside the active ones: each sends the request head
 *                       one byte per {@code trickleInterval} and never ends it; reopened when the server
 *                       closes it ({@link mpmbench.loadgen.engine.LoadRun})
 * @param trickleInterval how often a trickling connection sends its next byte
 * @param tls            how an {@code https://} target is talked to (ignored for {@code http://})
 * @param io             how the I/O threads wait for their sockets ({@code --io}); {@link IoBackend#AUTO}:
 *                       the native one where it works
 */
public record LoadSpec(Target target, int threads, int connections, double rate, Duration duration,
                       Duration warmup, Duration timeout, Duration connectTimeout, boolean keepAlive,
                       int pipeline, int idle, Duration idleInterval, double idleRate,
                       List<InetAddress> bindAddresses, List<String> headers, Duration spin, Duration settle,
                       int trickle, Duration trickleInterval, TlsOptions tls, IoBackend io) {

    /** Default {@link #threads} ({@code -t}). */
    public static final int DEFAULT_THREADS = 2;
    /** Default {@link #connections} ({@code -c}). */
    public static final int DEFAULT_CONNECTIONS = 10;
    /** Default {@link #duration} ({@code -d}). */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    /** Default {@link #connectTimeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Default {@link #idleInterval}. */
    public static final Duration DEFAULT_IDLE_INTERVAL = Duration.ofSeconds(3);

    /**
     * Most idle connections one I/O thread has connecting at a time (a new one starts when one
     * completes), paced or not: over TLS a connect completes with its handshake, so at most this many
     * handshakes per thread load the server at once.
     */
    public static final int IDLE_CONNECTING_PER_THREAD = 64;
    /** Slowest {@link #idleRate}: one idle connection an hour (anything slower opens none in a run). */
    public static final double MIN_IDLE_RATE = 1.0 / 3600;

    /** Most trickling connections a run holds ({@code --trickle}): a bound, not a target. */
    public static final int MAX_TRICKLE = 60_000;
    /** Default {@link #trickleInterval}: one byte every 2 s, slowloris's pace. */
    public static final Duration DEFAULT_TRICKLE_INTERVAL = Duration.ofSeconds(2);

    /**
     * Default {@link #timeout}, and the project's one request timeout: {@code mpmbench load}'s default,
     * every suite cell, {@code scripts/measure-ops} and the server's ops tests use it, so a "failed
     * request" means the same everywhere (issue 19: README quoted 0 failed at 10 s beside 189 at 2 s).
     * 2 s is wrk's default; a loopback answer that late has failed for any interactive client, and it
     * equals {@link #MAX_GRACE}, so a request sent at the window's end is judged by the same bound.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** Longest grace after the measured window for answers to requests already sent. */
    public static final Duration MAX_GRACE = Duration.ofSeconds(2);
    /**
     * Default {@link #spin}: covers a sleeping vCPU's wake-up on the 2-vCPU KVM guest of issue 9 (a
     * 1.9 ms sleep overshot by 63 µs at p50 and 127 µs at p99; 100 µs left the send lag p99 at 500
     * req/s at 31–74 µs, 300 µs at 11–26 µs, for 18 % of a core instead of 10 %). Precise by default;
     * {@code --spin 100us} or {@code 0} trade precision for CPU.
     */
    public static final Duration DEFAULT_SPIN = Duration.ofNanos(300_000);
    /** Longest {@link #spin} accepted. */
    public static final Duration MAX_SPIN = Duration.ofMillis(10);

    /** Validates; each message names the flag and what it accepts. */
    public LoadSpec {
        require(threads >= 1, "-t/--threads must be >= 1, got " + threads);
        require(connections >= threads,
                "-c/--connections must be >= -t/--threads (" + threads + "), got " + connections);
        require(rate >= 0 && Double.isFinite(rate), "-R/--rate must be a number of requests/s > 0");
        require(positive(duration), "-d/--duration must be > 0, e.g. 10s, 500ms, 2m");
        require(!warmup.isNegative(), "--warmup must be >= 0, e.g. 0s, 5s");
        require(positive(timeout), "--timeout must be > 0, e.g. 2s, 500ms");
        require(positive(connectTimeout), "--connect-timeout must be > 0, e.g. 2s");
        require(pipeline >= 1 && pipeline <= 1024, "--pipeline must be 1..1024, got " + pipeline);
        require(keepAlive || pipeline == 1, "--pipeline needs keep-alive (drop --no-keepalive)");
        require(idle >= 0, "--idle must be >= 0, got " + idle);
        require(positive(idleInterval), "--idle-interval must be > 0, e.g. 3s");
        require(idleRate == 0 || idleRate >= MIN_IDLE_RATE && Double.isFinite(idleRate),
                "--idle-rate must be a number of connections/s, at least one an hour (2.8e-4); leave it out to "
                        + "open them unpaced");
        require(idleRate == 0 || idle > 0, "--idle-rate paces the --idle connections: give --idle N too");
        require(!spin.isNegative() && spin.compareTo(MAX_SPIN) <= 0, "--spin must be 0..10ms, e.g. 100us, 0");
        require(settle.isZero() || settle.compareTo(warmup) >= 0 && settle.toSeconds() >= 2L * SteadyState.WINDOW_S,
                "--settle must be 0 (a fixed warm-up) or at least " + 2 * SteadyState.WINDOW_S
                        + "s (two windows of the steady-state rule) and at least --warmup, e.g. 15s");
        require(trickle >= 0 && trickle <= MAX_TRICKLE, "--trickle must be 0.." + MAX_TRICKLE + ", got " + trickle);
        require(positive(trickleInterval), "--trickle-interval must be > 0, e.g. 2s, 500ms");
        bindAddresses = List.copyOf(bindAddresses);
        headers = List.copyOf(headers);
        java.util.Objects.requireNonNull(tls, "tls");
        java.util.Objects.requireNonNull(io, "io");
        for (String h : headers) {
            require(h.indexOf(':') > 0 && h.indexOf('\r') < 0 && h.indexOf('\n') < 0,
                    "-H/--header must be 'Name: value', got '" + h + "'");
        }
    }

    /**
     * A closed-model spec with {@code mpmbench load}'s defaults for the rest; a starting point for code
     * and tests ({@code closed(...).toBuilder()} to change more).
     */
    public static LoadSpec closed(Target target, int threads, int connections, Duration duration) {
        return builder(target).threads(threads).connections(connections).duration(duration).build();
    }

    /** A builder with every field but the target at {@code mpmbench load}'s defaults (closed model). */
    public static Builder builder(Target target) {
        return new Builder(target);
    }

    /** A builder holding this spec's fields, to change some of them. */
    public Builder toBuilder() {
        return new Builder(target).threads(threads).connections(connections).rate(rate).duration(duration)
                .warmup(warmup).timeout(timeout).connectTimeout(connectTimeout).keepAlive(keepAlive).pipeline(pipeline)
                .idle(idle).idleInterval(idleInterval).idleRate(idleRate).bindAddresses(bindAddresses)
                .headers(headers).spin(spin).settle(settle).trickle(trickle).trickleInterval(trickleInterval)
                .tls(tls).io(io);
    }

    /** The time between two opens of idle connections at {@link #idleRate}, all threads together; zero when unpaced. */
    public Duration idleOpenEvery() {
        return idleRate == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(1, Math.round(1e9 / idleRate)));
    }

    /** True for the open model (a fixed request rate), false for the closed model. */
    public boolean open() {
        return rate > 0;
    }

    /** {@code "open"} or {@code "closed"}, as written in reports. */
    public String model() {
        return open() ? "open" : "closed";
    }

    /** Time after the measured window allowed for answers in flight: min(2 s, timeout). */
    public Duration grace() {
        return timeout.compareTo(MAX_GRACE) < 0 ? timeout : MAX_GRACE;
    }

    /** The longest the warm-up may last: {@code settle} when settling, else {@code warmup}. */
    public Duration maxWarmup() {
        return settle.isZero() ? warmup : settle;
    }

    /**
     * Builds a {@link LoadSpec}: starts at {@code mpmbench load}'s defaults, each setter changes one
     * field, {@link #build()} validates (the messages name the flags, as the command line shows them).
     * Not thread-safe; a spec built is immutable.
     */
    public static final class Builder {
        private Target target;
        private int threads = DEFAULT_THREADS;
        private int connections = DEFAULT_CONNECTIONS;
        private double rate;
        private Duration duration = DEFAULT_DURATION;
        private Duration warmup = Duration.ZERO;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private boolean keepAlive = true;
        private int pipeline = 1;
        private int idle;
        private Duration idleInterval = DEFAULT_IDLE_INTERVAL;
        private double idleRate;
        private List<InetAddress> bindAddresses = List.of();
        private List<String> headers = List.of();
        private Duration spin = DEFAULT_SPIN;
        private Duration settle = Duration.ZERO;
        private int trickle;
        private Duration trickleInterval = DEFAULT_TRICKLE_INTERVAL;
        private TlsOptions tls = TlsOptions.DEFAULT;
        private IoBackend io = IoBackend.AUTO;

        private Builder(Target target) {
            this.target = target;
        }

        /** The spec; throws IllegalArgumentException naming the flag of the first invalid field. */
        public LoadSpec build() {
            return new LoadSpec(target, threads, connections, rate, duration, warmup, timeout, connectTimeout, keepAlive,
                    pipeline, idle, idleInterval, idleRate, bindAddresses, headers, spin, settle, trickle,
                    trickleInterval, tls, io);
        }

        public Builder target(Target t) {
            target = t;
            return this;
        }

        public Builder threads(int n) {
            threads = n;
            return this;
        }

        public Builder connections(int n) {
            connections = n;
            return this;
        }

        /** Requests/s over all connections; 0 = the closed model. */
        public Builder rate(double r) {
            rate = r;
            return this;
        }

        public Builder duration(Duration d) {
            duration = d;
            return this;
        }

        public Builder warmup(Duration d) {
            warmup = d;
            return this;
        }

        public Builder timeout(Duration d) {
            timeout = d;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            connectTimeout = d;
            return this;
        }

        public Builder keepAlive(boolean k) {
            keepAlive = k;
            return this;
        }

        public Builder pipeline(int depth) {
            pipeline = depth;
            return this;
        }

        public Builder idle(int n) {
            idle = n;
            return this;
        }

        public Builder idleInterval(Duration d) {
            idleInterval = d;
            return this;
        }

        /** Idle connections opened per second, all threads together; 0 = unpaced. */
        public Builder idleRate(double r) {
            idleRate = r;
            return this;
        }

        public Builder bindAddresses(List<InetAddress> addresses) {
            bindAddresses = addresses;
            return this;
        }

        public Builder headers(List<String> h) {
            headers = h;
            return this;
        }

        public Builder spin(Duration d) {
            spin = d;
            return this;
        }

        /** The settling warm-up's cap; 0 = a fixed warm-up. */
        public Builder settle(Duration max) {
            settle = max;
            return this;
        }

        public Builder trickle(int n) {
            trickle = n;
            return this;
        }

        public Builder trickleInterval(Duration d) {
            trickleInterval = d;
            return this;
        }

        /** TLS settings of an {@code https://} target. */
        public Builder tls(TlsOptions t) {
            tls = t;
            return this;
        }

        /** The I/O backend asked for ({@code --io}). */
        public Builder io(IoBackend b) {
            io = b;
            return this;
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
