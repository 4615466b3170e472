package mpmbench.loadgen.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.record.Counter;

/**
 * The fixed columns of a run's CSV row and JSON object, in order. A change here is a deliberate
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
 * {@code answered_in_grace} are {@code null} in JSON, empty in CSV. See {@code loadgen/README.md} for the full table.
 */
public final class ResultColumns {

    /** One column: its name and how its value is taken from a result. */
    public record Column(String name, Function<LoadResult, Object> value) {
    }

    public static final List<Column> ALL = List.of(
            col("url", r -> r.spec().target().url()),
            col("model", r -> r.spec().model()),
            col("threads", r -> r.spec().threads()),
            col("connections", r -> r.spec().connections()),
            col("rate", r -> r.spec().rate()),
            col("duration_s", LoadResult::durationSeconds),
            col("warmup_s", LoadResult::warmupSeconds),
            col("settle_max_s", r -> r.spec().settle().toNanos() / 1e9),
            col("settled", r -> r.spec().settle().isZero() ? "" : Boolean.toString(r.settled())),
            col("stopped_early", LoadResult::stoppedEarly),
            col("keepalive", r -> r.spec().keepAlive()),
            col("pipeline", r -> r.spec().pipeline()),
            count("requests", Counter.REQUESTS),
            col("rps", LoadResult::rps),
            count("bytes", Counter.BYTES),
            count("warmup_requests", Counter.WARMUP_REQUESTS),
            count("warmup_errors", Counter.WARMUP_ERRORS),
            count("err_connect", Counter.ERR_CONNECT),
            count("err_read", Counter.ERR_READ),
            count("err_write", Counter.ERR_WRITE),
            count("err_timeout", Counter.ERR_TIMEOUT),
            count("err_status", Counter.ERR_STATUS),
            count("err_parse", Counter.ERR_PARSE),
            count("err_closed", Counter.ERR_CLOSED),
            count("err_unsolicited", Counter.ERR_UNSOLICITED),
            openCount("scheduled", Counter.SCHEDULED),
            openCount("unsent", Counter.UNSENT),
            openCount("unanswered", Counter.UNANSWERED),
            openCount("answered_in_grace", Counter.ANSWERED_IN_GRACE),
            count("reconnects", Counter.RECONNECTS),
            ms("p50_ms", LoadResult::corrected, 50),
            ms("p90_ms", LoadResult::corrected, 90),
            ms("p99_ms", LoadResult::corrected, 99),
            ms("p999_ms", LoadResult::corrected, 99.9),
            ms("max_ms", LoadResult::corrected, 100),
            col("mean_ms", r -> r.corrected().getTotalCount() == 0 ? 0.0 : r.corrected().getMean() / 1000.0),
            ms("uncorrected_p50_ms", LoadResult::uncorrected, 50),
            ms("uncorrected_p99_ms", LoadResult::uncorrected, 99),
            ms("uncorrected_p999_ms", LoadResult::uncorrected, 99.9),
            ms("uncorrected_max_ms", LoadResult::uncorrected, 100),
            ms("lag_p50_ms", LoadResult::lag, 50),
            ms("lag_p99_ms", LoadResult::lag, 99),
            ms("lag_max_ms", LoadResult::lag, 100),
            col("generator_behind", LoadResult::generatorBehind),
            col("idle", r -> r.spec().idle()),
            count("idle_established", Counter.IDLE_ESTABLISHED),
            count("idle_answered", Counter.IDLE_ANSWERED),
            count("idle_held", Counter.IDLE_HELD),
            count("idle_closed", Counter.IDLE_CLOSED),
            count("idle_failed", Counter.IDLE_FAILED),
            count("idle_timeouts", Counter.IDLE_TIMEOUTS),
            count("idle_open_answered", Counter.IDLE_OPEN_ANSWERED),
            count("idle_open_unanswered", Counter.IDLE_OPEN_UNANSWERED),
            count("idle_connecting", Counter.IDLE_CONNECTING),
            count("idle_not_started", Counter.IDLE_NOT_STARTED),
            count("idle_refused", Counter.IDLE_REFUSED),
            count("idle_connect_timeouts", Counter.IDLE_CONNECT_TIMEOUTS),
            col("trickle", r -> r.spec().trickle()),
            col("trickle_interval_ms", r -> r.spec().trickleInterval().toMillis()),
            count("trickle_established", Counter.TRICKLE_ESTABLISHED),
            count("trickle_closed", Counter.TRICKLE_CLOSED),
            count("trickle_failed", Counter.TRICKLE_FAILED),
            count("trickle_held", Counter.TRICKLE_HELD),
            count("trickle_bytes", Counter.TRICKLE_BYTES),
            col("start_epoch_ms", LoadResult::startEpochMs),
            col("client_cpu_user_s", r -> r.clientCpu().userS()),
            col("client_cpu_sys_s", r -> r.clientCpu().sysS()),
            col("client_cpu_pct", LoadResult::clientCpuPercent),
            col("client_cpu_us_per_req", LoadResult::clientCpuMicrosPerRequest),
            col("spin_us", r -> r.spec().spin().toNanos() / 1e3),
            col("timer", r -> r.nanosecondTimer() ? "ns" : "ms"),
            col("jit", LoadResult::jit));

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

    private static Column col(String name, Function<LoadResult, Object> value) {
        return new Column(name, value);
    }

    private static Column count(String name, Counter counter) {
        return new Column(name, r -> r.counts().get(counter));
    }

    /** A counter of the open model only; {@code null} in the closed model (nothing is scheduled there). */
    private static Column openCount(String name, Counter counter) {
        return new Column(name, r -> r.spec().open() ? r.counts().get(counter) : null);
    }

    private static Column ms(String name, Function<LoadResult, Histogram> histogram, double p) {
        return new Column(name, r -> percentileMs(histogram.apply(r), p));
    }
}
