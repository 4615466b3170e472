package mpmbench.benchmarks.suite;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.results.Status;
import mpmbench.loadgen.contract.ResultKey;

/**
 * The status of a measured summary row ({@link Status}), from what the target did in the window and
 * what the load generator says about itself. In this order, the first that applies:
 * <ol>
 *   <li>{@code stalled}: the target answered nothing in the window (no response of any phase arrived,
 *       by the generator's per-second counts) while requests waited (every connection of the closed
 *       model holds one; the open model's schedule, its errors, unsent and unanswered ones): a result
 *       (claim 4's stall), not 0 req/s "ok";</li>
 *   <li>{@code generator-bound}: the load generator's figures are its own limit;</li>
 *   <li>{@code saturated}: open model, completed under {@link Schemas#SATURATED_BELOW_PCT} % of the
 *       offered rate: past the knee, its latency holds the censored requests (lower bounds). The target
 *       may have answered at full speed all along: a request belongs to the phase of its intended send
 *       time, so past the knee the window's requests wait behind the warm-up's backlog (the reason
 *       gives what it answered per second in the window, whatever the phase);</li>
 *   <li>{@code unsettled}: its warm-up reached the settle cap with the requests/s still moving.</li>
 * </ol>
 * A row that is not {@code ok} when it gets here (failed) keeps its status. Stateless.
 */
final class CellStatus {

    private CellStatus() {
    }

    /**
     * What the load generator says about itself in a cell: the model it ran, its CPU share of one core
     * in the measured window (%), its send lag p99 (ms, open model) and whether that lag passed its
     * limit ({@code generator_behind}).
     */
    record Generator(boolean open, double cpuPct, double lagP99Ms, boolean behind) {
        static Generator of(Map<String, String> json) {
            return new Generator(num(json, ResultKey.RATE.key()) > 0, num(json, ResultKey.CLIENT_CPU_PCT.key()),
                    num(json, ResultKey.LAG_P99_MS.key()),
                    Boolean.parseBoolean(json.getOrDefault(ResultKey.GENERATOR_BEHIND.key(), "false")));
        }

        private static double num(Map<String, String> json, String key) {
            try {
                return Double.parseDouble(json.getOrDefault(key, "NaN"));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    /**
     * Sets the status and reason of an ok row (see the class doc). The closed model is generator-bound
     * at {@link Schemas#GENERATOR_BOUND_PCT} % of its core or more. The open model spins before each
     * send by design (issue 9: µs send times), so its CPU share says nothing; it is generator-bound when
     * it fell behind its schedule ({@code generator_behind}: send lag p99 over
     * {@code LoadResult.BEHIND_LAG_P99_US}), since then its latencies include its own delay.
     *
     * @param settled  "true"/"false" with settling, "" without
     * @param warmup   the warm-up's progress seconds (their req/s go into an unsettled row's reason)
     * @param answered responses of any phase per second in the window (the measured progress seconds'
     *                 mean; NaN when there were none)
     */
    static void classify(Row.Builder row, Generator gen, String settled, List<LoadgenRun.Second> warmup,
                         double answered) {
        if (!row.get("status").equals(Status.OK.text())) {
            return;
        }
        String was = row.get("reason").isEmpty() ? "" : "; " + row.get("reason");
        double requests = num(row, "requests");
        double rate = num(row, "rate");
        double rps = num(row, "rps");
        // A load generator always has requests waiting (each closed-model connection holds one, the open
        // model has its schedule), so no answer at all in the window is a stall whatever else it counted.
        if (requests == 0 && !(answered > 0)) {
            set(row, Status.STALLED, String.format(Locale.ROOT, "the target answered nothing in the window while "
                    + "requests waited on its %s connections (%s errors, %s unsent, %s unanswered)",
                    or0(row, "connections"), or0(row, "errors"), or0(row, "unsent"), or0(row, "unanswered")));
        } else if (gen.open() && gen.behind()) {
            set(row, Status.GENERATOR_BOUND, String.format(Locale.ROOT, "the load generator fell behind its schedule "
                    + "(send lag p99 %.1f ms): these latencies include its own delay", gen.lagP99Ms()) + was);
        } else if (!gen.open() && gen.cpuPct() >= Schemas.GENERATOR_BOUND_PCT) {
            set(row, Status.GENERATOR_BOUND, String.format(Locale.ROOT,
                    "the load generator used %.0f %% of its core: these figures are its limit, not the target's",
                    gen.cpuPct()) + was);
        } else if (rate > 0 && rps < rate * Schemas.SATURATED_BELOW_PCT / 100) {
            set(row, Status.SATURATED, String.format(Locale.ROOT, "%.0f req/s of %.0f offered (%.0f %%): past the knee; "
                    + "its latencies include %d censored requests (unsent or unanswered at the window's end, at "
                    + "their lower bound)%s", rps, rate, rps * 100 / rate, Math.round(sum(row, "unsent", "unanswered")),
                    answered > 0 ? String.format(Locale.ROOT, "; the target answered %.0f req/s in the window, the rest "
                            + "earlier requests still due", answered) : "") + was);
        } else if (settled.equals("false")) {
            set(row, Status.UNSETTLED, String.format(Locale.ROOT,
                    "throughput still moving after %s s of warm-up (last seconds: %s req/s)", row.get("warmup_s"),
                    String.join(", ", warmup.subList(Math.max(0, warmup.size() - 4), warmup.size()).stream()
                            .map(x -> Long.toString(x.rps())).toList())) + was);
        }
    }

    private static void set(Row.Builder row, Status status, String reason) {
        row.put("status", status.text()).put("reason", reason);
    }

    private static double num(Row.Builder row, String column) {
        try {
            return row.get(column).isEmpty() ? Double.NaN : Double.parseDouble(row.get(column));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The sum of the columns that hold a number (an empty one counts 0). */
    private static double sum(Row.Builder row, String... columns) {
        double s = 0;
        for (String c : columns) {
            double v = num(row, c);
            s += Double.isNaN(v) ? 0 : v;
        }
        return s;
    }

    private static String or0(Row.Builder row, String column) {
        double v = num(row, column);
        return Double.isNaN(v) ? "0" : Long.toString(Math.round(v));
    }
}
