package mpmbench.loadgen.report;

import static mpmbench.loadgen.contract.ResultKey.*;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

import mpmbench.loadgen.GeneratorJvm;
import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.contract.ResultKey;
import mpmbench.loadgen.record.Counter;

/**
 * The fixed columns of a run's CSV row and JSON object, in order: a value for each {@link ResultKey}. A change here is a deliberate
 * change of the format: the golden files under {@code src/test/resources/golden} must change with it.
 *
 * <p>Units are in the names ({@code _s} seconds, {@code _ms} milliseconds); numbers use {@code .}
 * as the decimal separator whatever the default locale. Latency columns without a prefix are the
 * <em>corrected</em> latency in the open model (from the intended send time) and the raw latency in
 * the closed model (from the actual send, where the two are the same); {@code uncorrected_*} is
 * always from the actual send; {@code lag_*} is the generator's own send lag (open model). Error
 * columns are described in {@link Counter}. In the open model the corrected columns include the
 * window's {@code unsent} and {@code unanswered} requests at a lower bound (window end − intended send
 * time), and {@code requests + err_read + err_write + err_timeout + err_parse + err_closed + unsent +
 * unanswered == scheduled}; in the closed model {@code scheduled}, {@code unsent}, {@code unanswered} and
 * {@code answered_in_grace} are {@code null} in JSON, empty in CSV. The {@code tls_*} columns are
 * {@code null} (empty) for {@code http://}; {@code tls_handshake_*_ms} are of the handshakes' times,
 * TCP connected to handshake finished. See {@code loadgen/README.md} for the full table.
 */
public final class ResultColumns {

    /** One column: its key and how its value is taken from a result. */
    public record Column(ResultKey key, Function<LoadResult, Object> value) {
        /** The column's name in the CSV header and the JSON object, {@link ResultKey#key()}. */
        public String name() {
            return key.key();
        }
    }

    public static final List<Column> ALL = List.of(
            col(URL, r -> r.spec().target().url()),
            col(MODEL, r -> r.spec().model()),
            col(THREADS, r -> r.spec().threads()),
            col(CONNECTIONS, r -> r.spec().connections()),
            col(RATE, r -> r.spec().rate()),
            col(DURATION_S, LoadResult::durationSeconds),
            col(WARMUP_S, LoadResult::warmupSeconds),
            col(SETTLE_MAX_S, r -> r.spec().settle().toNanos() / 1e9),
            col(SETTLED, r -> r.spec().settle().isZero() ? "" : Boolean.toString(r.settled())),
            col(STOPPED_EARLY, LoadResult::stoppedEarly),
            col(KEEPALIVE, r -> r.spec().keepAlive()),
            col(PIPELINE, r -> r.spec().pipeline()),
            count(REQUESTS, Counter.REQUESTS),
            col(RPS, LoadResult::rps),
            count(BYTES, Counter.BYTES),
            count(WARMUP_REQUESTS, Counter.WARMUP_REQUESTS),
            count(WARMUP_ERRORS, Counter.WARMUP_ERRORS),
            count(ERR_CONNECT, Counter.ERR_CONNECT),
            count(ERR_READ, Counter.ERR_READ),
            count(ERR_WRITE, Counter.ERR_WRITE),
            count(ERR_TIMEOUT, Counter.ERR_TIMEOUT),
            count(ERR_STATUS, Counter.ERR_STATUS),
            count(ERR_PARSE, Counter.ERR_PARSE),
            count(ERR_CLOSED, Counter.ERR_CLOSED),
            count(ERR_UNSOLICITED, Counter.ERR_UNSOLICITED),
            openCount(SCHEDULED, Counter.SCHEDULED),
            openCount(UNSENT, Counter.UNSENT),
            openCount(UNANSWERED, Counter.UNANSWERED),
            openCount(ANSWERED_IN_GRACE, Counter.ANSWERED_IN_GRACE),
            count(RECONNECTS, Counter.RECONNECTS),
            count(CLOSES_ANNOUNCED, Counter.CLOSES_ANNOUNCED),
            count(CLOSES_IDLE, Counter.CLOSES_IDLE),
            count(RESENT, Counter.RESENT),
            ms(P50_MS, LoadResult::corrected, 50),
            ms(P90_MS, LoadResult::corrected, 90),
            ms(P99_MS, LoadResult::corrected, 99),
            ms(P999_MS, LoadResult::corrected, 99.9),
            ms(MAX_MS, LoadResult::corrected, 100),
            col(MEAN_MS, r -> r.corrected().getTotalCount() == 0 ? 0.0 : r.corrected().getMean() / 1000.0),
            ms(UNCORRECTED_P50_MS, LoadResult::uncorrected, 50),
            ms(UNCORRECTED_P99_MS, LoadResult::uncorrected, 99),
            ms(UNCORRECTED_P999_MS, LoadResult::uncorrected, 99.9),
            ms(UNCORRECTED_MAX_MS, LoadResult::uncorrected, 100),
            ms(LAG_P50_MS, LoadResult::lag, 50),
            ms(LAG_P99_MS, LoadResult::lag, 99),
            ms(LAG_MAX_MS, LoadResult::lag, 100),
            col(GENERATOR_BEHIND, LoadResult::generatorBehind),
            col(IDLE, r -> r.spec().idle()),
            col(IDLE_RATE, r -> r.spec().idleRate()),
            count(IDLE_ESTABLISHED, Counter.IDLE_ESTABLISHED),
            count(IDLE_ANSWERED, Counter.IDLE_ANSWERED),
            count(IDLE_HELD, Counter.IDLE_HELD),
            count(IDLE_CLOSED, Counter.IDLE_CLOSED),
            count(IDLE_FAILED, Counter.IDLE_FAILED),
            count(IDLE_TIMEOUTS, Counter.IDLE_TIMEOUTS),
            count(IDLE_OPEN_ANSWERED, Counter.IDLE_OPEN_ANSWERED),
            count(IDLE_OPEN_UNANSWERED, Counter.IDLE_OPEN_UNANSWERED),
            count(IDLE_CONNECTING, Counter.IDLE_CONNECTING),
            count(IDLE_NOT_STARTED, Counter.IDLE_NOT_STARTED),
            count(IDLE_REFUSED, Counter.IDLE_REFUSED),
            count(IDLE_CONNECT_TIMEOUTS, Counter.IDLE_CONNECT_TIMEOUTS),
            col(TRICKLE, r -> r.spec().trickle()),
            col(TRICKLE_INTERVAL_MS, r -> r.spec().trickleInterval().toMillis()),
            count(TRICKLE_ESTABLISHED, Counter.TRICKLE_ESTABLISHED),
            count(TRICKLE_CLOSED, Counter.TRICKLE_CLOSED),
            count(TRICKLE_FAILED, Counter.TRICKLE_FAILED),
            count(TRICKLE_HELD, Counter.TRICKLE_HELD),
            count(TRICKLE_BYTES, Counter.TRICKLE_BYTES),
            tls(TLS_PROTOCOLS, r -> r.spec().tls().protocolsText()),
            tls(TLS_RESUME, r -> r.spec().tls().resume().text()),
            tls(TLS_GROUPS, r -> r.spec().tls().groupsText()),
            tls(TLS_ENGINE, LoadResult::tlsEngine),
            tls(TLS_HANDSHAKES, r -> r.counts().get(Counter.TLS_HANDSHAKES)),
            tls(TLS_RESUMED, r -> r.counts().get(Counter.TLS_RESUMED)),
            tls(TLS_HANDSHAKE_P50_MS, r -> percentileMs(r.handshake(), 50)),
            tls(TLS_HANDSHAKE_P99_MS, r -> percentileMs(r.handshake(), 99)),
            tls(TLS_HANDSHAKE_MAX_MS, r -> percentileMs(r.handshake(), 100)),
            col(START_EPOCH_MS, LoadResult::startEpochMs),
            col(CLIENT_CPU_USER_S, r -> r.clientCpu().userS()),
            col(CLIENT_CPU_SYS_S, r -> r.clientCpu().sysS()),
            col(CLIENT_CPU_PCT, LoadResult::clientCpuPercent),
            col(CLIENT_CPU_US_PER_REQ, LoadResult::clientCpuMicrosPerRequest),
            col(SPIN_US, r -> r.spec().spin().toNanos() / 1e3),
            col(TIMER, r -> r.nanosecondTimer() ? "ns" : "ms"),
            col(JIT, LoadResult::jit),
            col(IO_BACKEND, LoadResult::ioBackend),
            // this process's JVM (a merged --agents result: the coordinator's; the agents start without one)
            col(AOT_CACHE, r -> GeneratorJvm.aotCache()));

    private ResultColumns() {
    }

    /** The column names, in order. */
    public static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }

    /**
     * A value rendered as text, locale-independent: decimals with 3 places and {@code .} ({@code NaN}
     * for a figure that could not be measured), booleans as {@code true}/{@code false}, integers and
     * strings as they are, {@code null} (a column that does not apply) as the empty string.
     */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(value);
    }

    /** The p-th percentile of a µs histogram in ms (0 when empty); p = 100 is the maximum. */
    public static double percentileMs(Histogram h, double p) {
        if (h.getTotalCount() == 0) {
            return 0.0;
        }
        long us = p >= 100 ? h.getMaxValue() : h.getValueAtPercentile(p);
        return us / 1000.0;
    }

    private static Column col(ResultKey name, Function<LoadResult, Object> value) {
        return new Column(name, value);
    }

    private static Column count(ResultKey name, Counter counter) {
        return new Column(name, r -> r.counts().get(counter));
    }

    /** A counter of the open model only; {@code null} in the closed model (nothing is scheduled there). */
    private static Column openCount(ResultKey name, Counter counter) {
        return new Column(name, r -> r.spec().open() ? r.counts().get(counter) : null);
    }

    /** A column of {@code https://} runs only; {@code null} for {@code http://}. */
    private static Column tls(ResultKey name, Function<LoadResult, Object> value) {
        return new Column(name, r -> r.spec().target().tls() ? value.apply(r) : null);
    }

    private static Column ms(ResultKey name, Function<LoadResult, Histogram> histogram, double p) {
        return new Column(name, r -> percentileMs(histogram.apply(r), p));
    }
}
