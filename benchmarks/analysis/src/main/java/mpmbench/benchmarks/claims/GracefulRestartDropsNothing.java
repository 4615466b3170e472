package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 8, Apache's promise to operators, per target: "a graceful restart drops no request". Holds
 * when every judged repeat of the target's {@code graceful-restart} cell failed no request (the sum of
 * the load generator's error classes: connect errors, reads and writes that failed, timeouts, non-2xx
 * answers, unparsable answers, connections closed under a request); does not hold when any repeat
 * failed one; not measured when the scenario did not run on the target (or none of its repeats could
 * be judged). A count, not a ratio and not an estimate: "drops no request" is falsified by one
 * dropped request, so no interval is needed to say it does not hold, and "holds" says what was
 * observed (0 in every restart of every judged repeat), not that a later restart cannot drop one.
 */
final class GracefulRestartDropsNothing implements Claim {

    static final String ID = "8";
    private static final String TITLE = "A graceful restart drops no request";
    private static final String METRIC = "failed requests (errors, every err_* class) in the graceful-restart run";
    private static final String THRESHOLD = "0 in every repeat";

    @Override
    public List<String> scenariosRead() {
        return List.of(Scenarios.GRACEFUL_RESTART);
    }

    @Override
    public List<Row> evaluate(RunData run) {
        List<Row> out = new ArrayList<>();
        for (Cells.Key k : run.cells().keys()) {
            if (!k.scenario().equals(Scenarios.GRACEFUL_RESTART)) {
                continue;
            }
            List<Row> judged = run.cells().ok(k);
            if (judged.isEmpty()) {
                out.add(ClaimRow.notMeasured(ID, k.target(), k.level(), TITLE, METRIC, "", THRESHOLD,
                        "no judged repeat: " + run.cells().whyEmpty(k)));
                continue;
            }
            long failed = 0;
            List<String> values = new ArrayList<>();
            for (Row r : judged) {
                long e = Math.round(r.num("errors"));
                failed += e;
                values.add("r" + r.text("repeat") + "=" + e + byType(r));
            }
            String restarts = String.format(Locale.ROOT, "%d repeats, %s restarts each", judged.size(),
                    judged.getFirst().text("restarts"));
            out.add(ClaimRow.of(ID, k.target(), k.level(), TITLE, METRIC, String.join("; ", values), THRESHOLD, null,
                    failed == 0 ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, 0,
                    failed + " failed requests across " + restarts));
        }
        return out;
    }

    /** " (err_closed 3, err_read 1)": the classes that are not zero. */
    private static String byType(Row r) {
        List<String> types = new ArrayList<>();
        for (String c : List.of("err_connect", "err_read", "err_write", "err_timeout", "err_status", "err_parse",
                "err_closed")) {
            double v = r.num(c);
            if (v > 0) {
                types.add(c + " " + Math.round(v));
            }
        }
        return types.isEmpty() ? "" : " (" + String.join(", ", types) + ")";
    }
}
