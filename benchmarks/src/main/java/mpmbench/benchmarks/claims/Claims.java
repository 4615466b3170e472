package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import mpmbench.benchmarks.report.JmhResults;
import mpmbench.benchmarks.report.Row;
import mpmbench.benchmarks.report.Schemas;

/**
 * The claims of DESIGN.md (Claims) as checks on summary.csv: each with a metric, a relative threshold
 * (so it means the same on any machine) and a verdict, per family ({@code java} = our models,
 * {@code httpd} = Debian's apache2). A value is the median over repeats of the ok rows; a claim whose
 * values are missing is {@link Verdict#NOT_MEASURED}.
 */
public final class Claims {

    /** "More" means at least this factor: 10 % beyond run-to-run noise on a quiet machine. */
    public static final double MORE = 1.10;
    /** Claim 2: prefork fails at most this fraction of what worker and event fail. */
    public static final double CRASH_FRACTION = 0.5;
    /** Claim 3: worker and event hold at least this factor more connections per MiB. */
    public static final double CONNS_PER_MB = 1.2;
    /** Claim 4: event serves at least this factor of worker's and prefork's requests/s. */
    public static final double KEEPALIVE = 2.0;
    /** Claim 4: event keeps at least this fraction of its own hello throughput (it keeps serving, not trickling). */
    public static final double KEEPALIVE_OF_HELLO = 0.25;
    /** Claim 6: fastest over slowest under CPU-bound work at most this. */
    public static final double CONVERGE = 1.25;
    /** Claim 7: a pair of models within this ratio counts as a tie, which agrees with any order. */
    public static final double TIE = 1.10;

    private static final List<String> FAMILIES = List.of("java", "httpd");

    private Claims() {
    }

    public static List<Row> evaluate(List<Row> summary) {
        return evaluate(summary, new JmhResults(List.of()), List.of());
    }

    /** The claims on summary.csv, claim 5 on jmh.csv (and memory.csv, shown beside it when present). */
    public static List<Row> evaluate(List<Row> summary, JmhResults jmh, List<Row> memory) {
        SummaryIndex ix = new SummaryIndex(summary);
        List<Row> out = new ArrayList<>();
        Integer helloTop = ix.max("hello", "connections");
        for (String f : FAMILIES) {
            out.add(greater("1a", f, "Prefork costs more memory than worker and event",
                    "pss_mb, hello at " + level(helloTop, "connections"), values(ix, f, "hello", "pss_mb", helloTop, null)));
            out.add(greater("1b", f, "Prefork costs more CPU per request than worker and event",
                    "cpu_us_per_req, hello at " + level(helloTop, "connections"),
                    values(ix, f, "hello", "cpu_us_per_req", helloTop, null)));
            out.add(greater("1c", f, "Prefork starts slower than worker and event",
                    "full_capacity_ms, startup", values(ix, f, "startup", "full_capacity_ms", null, null)));
            out.add(crash(f, values(ix, f, "crash", LOST, null, null)));
            out.add(connsPerMb(ix, f));
            out.add(keepAlive(ix, f));
            out.add(converge(ix, f));
        }
        out.add(MicroClaim.evaluate(jmh, memory));
        out.add(ordering(ix));
        return out;
    }

    /** The values of prefork, worker and event of a family. */
    static Map<String, Double> values(SummaryIndex ix, String family, String scenario, String column, Integer conns,
                                      Integer idle) {
        return values(ix, family, scenario, r -> r.num(column), conns, idle);
    }

    static Map<String, Double> values(SummaryIndex ix, String family, String scenario, ToDoubleFunction<Row> value,
                                      Integer conns, Integer idle) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (String mpm : List.of("prefork", "worker", "event")) {
            v.put(family + "-" + mpm, ix.median(scenario, family + "-" + mpm, value, conns, idle));
        }
        return v;
    }

    /** Requests lost with their connection: what a killed child costs (timeouts are the load's, not the kill's). */
    static final ToDoubleFunction<Row> LOST = r -> r.num("err_read") + r.num("err_write") + r.num("err_closed");

    /** Connections a target served at once: the idle ones it answered and did not close, plus the active ones. */
    static final ToDoubleFunction<Row> SERVED = r -> Math.max(0, r.num("idle_answered") - r.num("idle_closed"))
            + r.num("connections");

    private static Row greater(String id, String family, String title, String metric, Map<String, Double> v) {
        double p = v.get(family + "-prefork");
        double others = Math.max(v.get(family + "-worker"), v.get(family + "-event"));
        String threshold = String.format(Locale.ROOT, "prefork > %.2f x max(worker, event)", MORE);
        if (!SummaryIndex.allMeasured(p, v.get(family + "-worker"), v.get(family + "-event"))) {
            return row(id, family, title, metric, text(v), threshold, Verdict.NOT_MEASURED, missing(v));
        }
        return row(id, family, title, metric, text(v), threshold, p > MORE * others ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                String.format(Locale.ROOT, "prefork / max(worker, event) = %.2f", others > 0 ? p / others : Double.NaN));
    }

    private static Row crash(String family, Map<String, Double> v) {
        String title = "A crash in prefork fails fewer requests than a crash in worker or event";
        String metric = "err_read + err_write + err_closed in the crash run (its busiest child SIGKILLed)";
        String threshold = String.format(Locale.ROOT, "prefork <= %.1f x min(worker, event), and they fail some", CRASH_FRACTION);
        double p = v.get(family + "-prefork");
        double others = Math.min(v.get(family + "-worker"), v.get(family + "-event"));
        if (!SummaryIndex.allMeasured(p, v.get(family + "-worker"), v.get(family + "-event"))) {
            return row("2", family, title, metric, text(v), threshold, Verdict.NOT_MEASURED, missing(v));
        }
        boolean holds = others > 0 && p <= CRASH_FRACTION * others;
        return row("2", family, title, metric, text(v), threshold, holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                others == 0 ? "worker or event lost no request" : "");
    }

    private static Row connsPerMb(SummaryIndex ix, String family) {
        String title = "Worker and event hold more simultaneous connections than prefork for the same memory";
        Integer idle = ix.max("idle-keepalive", "idle");
        Map<String, Double> v = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : values(ix, family, "idle-keepalive", SERVED, null, idle).entrySet()) {
            double pss = ix.median("idle-keepalive", e.getKey(), "pss_mb", null, idle);
            v.put(e.getKey(), e.getValue() / pss);
        }
        String metric = "(idle_answered - idle_closed + active connections) / pss_mb, idle-keepalive at " + level(idle, "idle");
        String threshold = String.format(Locale.ROOT, "worker and event >= %.1f x prefork", CONNS_PER_MB);
        double p = v.get(family + "-prefork");
        double w = v.get(family + "-worker");
        double ev = v.get(family + "-event");
        if (!SummaryIndex.allMeasured(p, w, ev)) {
            return row("3", family, title, metric, text(v), threshold, Verdict.NOT_MEASURED, missing(v));
        }
        boolean holds = w >= CONNS_PER_MB * p && ev >= CONNS_PER_MB * p;
        return row("3", family, title, metric, text(v), threshold, holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, "");
    }

    private static Row keepAlive(SummaryIndex ix, String family) {
        String title = "With many idle keep-alive connections event keeps serving new clients where worker and prefork stall";
        int[] levels = ix.levels("idle-keepalive", "idle");
        Integer idle = null;
        for (int l : levels) {
            if (l > 0 && (idle == null || Math.abs(l - 300) < Math.abs(idle - 300))) {
                idle = l;
            }
        }
        Map<String, Double> v = values(ix, family, "idle-keepalive", "rps", null, idle);
        String metric = "rps of the active clients, idle-keepalive at " + level(idle, "idle");
        String threshold = String.format(Locale.ROOT, "event >= %.0f %% of its hello rps at the same active connections "
                + "(> 0 without that row) and >= %.1f x max(worker, prefork)", KEEPALIVE_OF_HELLO * 100, KEEPALIVE);
        double p = v.get(family + "-prefork");
        double w = v.get(family + "-worker");
        double ev = v.get(family + "-event");
        if (idle == null || !SummaryIndex.allMeasured(p, w, ev)) {
            return row("4", family, title, metric, text(v), threshold, Verdict.NOT_MEASURED, missing(v));
        }
        Integer active = (int) ix.median("idle-keepalive", family + "-event", "connections", null, idle);
        double hello = ix.median("hello", family + "-event", "rps", active, null);
        double floor = Double.isNaN(hello) ? 0 : KEEPALIVE_OF_HELLO * hello;
        boolean holds = ev > floor && ev >= KEEPALIVE * Math.max(p, w);
        return row("4", family, title, metric, text(v), threshold, holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                Double.isNaN(hello) ? "no hello row at " + active + " connections: event > 0 required"
                        : String.format(Locale.ROOT, "event served %.0f %% of its hello rps", 100 * ev / hello));
    }

    private static Row converge(SummaryIndex ix, String family) {
        String title = "Under CPU-bound work the models converge: bounded by the cores, not the model";
        Map<String, Double> v = values(ix, family, "cpu", "rps", null, null);
        if (family.equals("java")) {
            v.put("java-virtual", ix.median("cpu", "java-virtual", "rps", null, null));
        }
        String threshold = String.format(Locale.ROOT, "max / min rps <= %.2f", CONVERGE);
        List<Double> measured = v.values().stream().filter(d -> !Double.isNaN(d)).toList();
        if (measured.size() < 2) {
            return row("6", family, title, "rps, cpu", text(v), threshold, Verdict.NOT_MEASURED,
                    family.equals("httpd") ? "the peers serve static files only (no /cpu)" : missing(v));
        }
        double max = measured.stream().mapToDouble(d -> d).max().orElseThrow();
        double min = measured.stream().mapToDouble(d -> d).min().orElseThrow();
        return row("6", family, title, "rps, cpu", text(v), threshold,
                min > 0 && max / min <= CONVERGE ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                String.format(Locale.ROOT, "max / min = %.2f", min > 0 ? max / min : Double.NaN));
    }

    /** Claim 7: the order of prefork, worker and event by rps is the same for ours and httpd. */
    private static Row ordering(SummaryIndex ix) {
        String title = "Our Java models order like the real httpd MPMs in the same scenarios";
        int agree = 0;
        int pairs = 0;
        List<String> seen = new ArrayList<>();
        for (String scenario : List.of("hello", "churn", "idle-keepalive", "large")) {
            String column = scenario.equals("idle-keepalive") ? "idle" : "connections";
            for (int level : ix.levels(scenario, column)) {
                Integer conns = column.equals("connections") ? level : null;
                Integer idle = column.equals("idle") ? level : null;
                Map<String, Double> j = values(ix, "java", scenario, "rps", conns, idle);
                Map<String, Double> h = values(ix, "httpd", scenario, "rps", conns, idle);
                if (!SummaryIndex.allMeasured(j.values().stream().mapToDouble(d -> d).toArray())
                        || !SummaryIndex.allMeasured(h.values().stream().mapToDouble(d -> d).toArray())) {
                    continue;
                }
                seen.add(scenario + "@" + level);
                List<String> m = List.of("prefork", "worker", "event");
                for (int a = 0; a < 3; a++) {
                    for (int b = a + 1; b < 3; b++) {
                        pairs++;
                        int oj = order(j.get("java-" + m.get(a)), j.get("java-" + m.get(b)));
                        int oh = order(h.get("httpd-" + m.get(a)), h.get("httpd-" + m.get(b)));
                        if (oj == 0 || oh == 0 || oj == oh) {
                            agree++;
                        }
                    }
                }
            }
        }
        String threshold = "at least 3/4 of the model pairs in the same order (a pair within 10 % is a tie)";
        String values = agree + "/" + pairs + " pairs agree over " + String.join(" ", seen);
        if (pairs == 0) {
            return row("7", "java-vs-httpd", title, "rps order of prefork, worker, event", values, threshold,
                    Verdict.NOT_MEASURED, "no scenario level where all six ran");
        }
        return row("7", "java-vs-httpd", title, "rps order of prefork, worker, event", values, threshold,
                agree * 4 >= pairs * 3 ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, "");
    }

    private static int order(double a, double b) {
        double hi = Math.max(a, b);
        double lo = Math.min(a, b);
        if (hi == 0 || (lo > 0 && hi / lo <= TIE)) {
            return 0;
        }
        return a > b ? 1 : -1;
    }

    /** "256 connections", or "the top level (not run)" when the scenario has no ok row. */
    private static String level(Integer value, String unit) {
        return value == null ? "the top level (not run)" : value + " " + unit;
    }

    static String text(Map<String, Double> v) {
        return v.entrySet().stream().map(e -> e.getKey() + "=" + (Double.isNaN(e.getValue()) ? "n/a"
                : String.format(Locale.ROOT, "%.3f", e.getValue()))).collect(Collectors.joining("; "));
    }

    private static String missing(Map<String, Double> v) {
        List<String> m = v.entrySet().stream().filter(e -> Double.isNaN(e.getValue())).map(Map.Entry::getKey).toList();
        return m.isEmpty() ? "" : "no ok result for " + String.join(", ", m);
    }

    static Row row(String id, String family, String title, String metric, String values, String threshold,
                           Verdict verdict, String note) {
        return Row.builder(Schemas.CLAIMS).put("claim", id).put("family", family).put("title", title)
                .put("metric", metric).put("values", values).put("threshold", threshold).put("verdict", verdict.text())
                .put("note", note).build();
    }
}
