package mpmbench.loadgen.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * The keys of the generator's result: the fields of its {@code --json} object and the columns of its
 * {@code --csv} row, in their order. The generator writes every key ({@code report.ResultColumns} gives
 * each its value); the suite, the agents' coordinator and {@code mpmbench merge} read them by these
 * constants, and a test checks that the scripts ({@code scripts/measure-*}) use no other key. What each
 * one means, and its unit, is in {@code report.ResultColumns} and the table of {@code loadgen/README.md};
 * the unit is in the name ({@code _s} seconds, {@code _ms} milliseconds, {@code _us} microseconds,
 * {@code _pct} % of one core).
 *
 * <p>A new key is a deliberate change of the format: add it here, in its place, and give it a value in
 * {@code ResultColumns} (the golden files change with it).
 */
public enum ResultKey {
    URL, MODEL, THREADS, CONNECTIONS, RATE, DURATION_S, WARMUP_S, SETTLE_MAX_S, SETTLED, STOPPED_EARLY,
    KEEPALIVE, PIPELINE, REQUESTS, RPS, BYTES, WARMUP_REQUESTS, WARMUP_ERRORS, ERR_CONNECT, ERR_READ,
    ERR_WRITE, ERR_TIMEOUT, ERR_STATUS, ERR_PARSE, ERR_CLOSED, ERR_UNSOLICITED, SCHEDULED, UNSENT, UNANSWERED,
    ANSWERED_IN_GRACE, RECONNECTS, CLOSES_ANNOUNCED, CLOSES_IDLE, RESENT, P50_MS, P90_MS, P99_MS, P999_MS,
    MAX_MS, MEAN_MS, UNCORRECTED_P50_MS, UNCORRECTED_P99_MS, UNCORRECTED_P999_MS, UNCORRECTED_MAX_MS, LAG_P50_MS, LAG_P99_MS, LAG_MAX_MS,
    GENERATOR_BEHIND, IDLE, IDLE_RATE, IDLE_ESTABLISHED, IDLE_ANSWERED, IDLE_HELD, IDLE_CLOSED, IDLE_FAILED,
    IDLE_TIMEOUTS, IDLE_OPEN_ANSWERED, IDLE_OPEN_UNANSWERED, IDLE_CONNECTING, IDLE_NOT_STARTED, IDLE_REFUSED,
    IDLE_CONNECT_TIMEOUTS, TRICKLE, TRICKLE_INTERVAL_MS, TRICKLE_ESTABLISHED, TRICKLE_CLOSED, TRICKLE_FAILED,
    TRICKLE_HELD, TRICKLE_BYTES, TLS_PROTOCOLS, TLS_RESUME, TLS_GROUPS, TLS_ENGINE, TLS_HANDSHAKES, TLS_RESUMED, TLS_HANDSHAKE_P50_MS,
    TLS_HANDSHAKE_P99_MS, TLS_HANDSHAKE_MAX_MS, START_EPOCH_MS, CLIENT_CPU_USER_S, CLIENT_CPU_SYS_S, CLIENT_CPU_PCT,
    CLIENT_CPU_US_PER_REQ, SPIN_US, TIMER, JIT, IO_BACKEND,
    AOT_CACHE;

    private final String key;

    ResultKey() {
        this.key = name().toLowerCase(Locale.ROOT);
    }

    /** The key as written in the JSON object and the CSV header, e.g. {@code p99_ms}. */
    public String key() {
        return key;
    }

    /** The constant of a key as written ({@code "p99_ms"}), or empty when the generator writes no such key. */
    public static Optional<ResultKey> of(String key) {
        for (ResultKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
