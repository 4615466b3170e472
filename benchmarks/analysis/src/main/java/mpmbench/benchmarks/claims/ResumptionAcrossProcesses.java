package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.claims.RatioCheck.Side;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Intervals;
import mpmbench.benchmarks.results.Row;

/**
 * Claim 9 (issue 21), "a resumed session is as likely on a process model as on a threaded one": in
 * {@code tls-churn-resumed} (a new connection per request, each offering the session the client got
 * before), the resumption rate {@code tls_resumed / tls_handshakes} of prefork is at least
 * 1 / {@link Claims#TIE} of worker's, per family, from the 95 % interval of the ratio of the rates over
 * the repeats ({@link RatioCheck}). httpd shares its session cache (shared memory) and ticket keys
 * (made before the fork) with every child. Our children are separate JVMs: on the server's OpenSSL
 * engine (its default where libssl.so.3 loads) the master hands every child the same ticket keys, so
 * the claim is expected to hold for java too; on JSSE ({@code MpmbenchTlsEngine jsse}, env.csv's
 * {@code server_tls_engine}) each JVM keeps its keys and cache inside its {@code SSLContext} with no API
 * to share them, a client that reconnects to another child gets a full handshake, and the claim is
 * expected not to hold: a finding about processes, not a failed run.
 *
 * <p>The rates count from every repeat that measured the target ({@link Cells#TARGET_FACTS}): a
 * generator-bound repeat's reconnects offered their session as any other's. A generator that counts no
 * handshakes (wrk) leaves the claim not measured; so does a worker that resumed nothing at all (no
 * threaded rate to compare with), the counts named.
 */
public final class ResumptionAcrossProcesses implements Claim {

    static final String ID = "9";
    private static final String TITLE = "A resumed session is as likely on a process model as on a threaded one";
    private static final String METRIC = "resumption rate tls_resumed / tls_handshakes in " + Scenarios.TLS_CHURN_RESUMED
            + ", prefork / worker";

    @Override
    public List<String> scenariosRead() {
        return List.of(Scenarios.TLS_CHURN_RESUMED);
    }

    @Override
    public List<Row> evaluate(RunData run) {
        String threshold = String.format(Locale.ROOT, "prefork's rate > %.3f x worker's (1 / %.2f)", 1 / Claims.TIE,
                Claims.TIE);
        List<Row> out = new ArrayList<>();
        for (String f : Claims.FAMILIES) {
            Map<String, double[]> rates = new LinkedHashMap<>();
            Map<String, String> counts = new LinkedHashMap<>();
            for (String m : RunData.MODELS) {
                String target = Targets.name(f, m);
                Cells.Key k = run.cells().find(Scenarios.TLS_CHURN_RESUMED, target, null, null);
                rates.put(target, k == null ? new double[0] : rates(run.cells(), k));
                counts.put(target, k == null ? "" : counts(run.cells(), k));
            }
            String level = ClaimRow.level(run, f, Scenarios.TLS_CHURN_RESUMED, null, null);
            String values = values(rates, counts);
            String prefork = Targets.name(f, Targets.PREFORK);
            String worker = Targets.name(f, Targets.WORKER);
            String missing = missing(run, rates, prefork, worker);
            if (!missing.isEmpty()) {
                out.add(ClaimRow.notMeasured(ID, f, level, TITLE, METRIC, values, threshold, missing));
                continue;
            }
            double[] w = rates.get(worker);
            if (java.util.Arrays.stream(w).filter(Double::isFinite).allMatch(x -> x <= 0)) {
                out.add(ClaimRow.notMeasured(ID, f, level, TITLE, METRIC, values, threshold, worker
                        + " resumed no handshake in any repeat (" + counts.get(worker) + "): no threaded rate to compare with"));
                continue;
            }
            RatioCheck c = RatioCheck.of(rates.get(prefork), w, Side.ABOVE, 1 / Claims.TIE, run.level());
            out.add(ClaimRow.of(ID, f, level, TITLE, METRIC, values, threshold, c, String.format(Locale.ROOT,
                    "prefork / worker = %s; resumed of handshakes: %s %s, %s %s", ClaimRow.ratioText(c.ratio()),
                    prefork, counts.get(prefork), worker, counts.get(worker))));
        }
        return out;
    }

    /** Each round's rate (NaN where a round counted no handshake), by round as {@link Cells#byRound} gives them. */
    static double[] rates(Cells cells, Cells.Key k) {
        double[] resumed = cells.byRound(k, "tls_resumed");
        double[] handshakes = cells.byRound(k, "tls_handshakes");
        if (resumed.length != handshakes.length) {
            return new double[0];
        }
        double[] r = new double[resumed.length];
        boolean any = false;
        for (int i = 0; i < r.length; i++) {
            r[i] = handshakes[i] > 0 && resumed[i] >= 0 ? resumed[i] / handshakes[i] : Double.NaN;
            any |= Double.isFinite(r[i]);
        }
        return any ? r : new double[0];
    }

    /**
     * A cell's handshakes and resumptions summed over the repeats that count ({@link Cells#values}: the
     * target's facts, generator-bound repeats included), and how many repeats gave both.
     */
    public record Counts(long resumed, long handshakes, int repeats) {

        public static Counts of(Cells cells, Cells.Key k) {
            double[] r = cells.values(k, "tls_resumed");
            double[] h = cells.values(k, "tls_handshakes");
            long resumed = 0;
            long handshakes = 0;
            int n = 0;
            for (int i = 0; i < Math.min(r.length, h.length); i++) {
                if (Double.isFinite(r[i]) && Double.isFinite(h[i])) {
                    resumed += Math.round(r[i]);
                    handshakes += Math.round(h[i]);
                    n++;
                }
            }
            return new Counts(resumed, handshakes, n);
        }
    }

    /** "1200 of 4711 (3 repeats)". */
    private static String counts(Cells cells, Cells.Key k) {
        Counts c = Counts.of(cells, k);
        return c.repeats() == 0 ? "no handshake counted"
                : c.resumed() + " of " + c.handshakes() + " (" + c.repeats() + (c.repeats() == 1 ? " repeat)" : " repeats)");
    }

    private static String values(Map<String, double[]> rates, Map<String, String> counts) {
        List<String> parts = new ArrayList<>();
        rates.forEach((t, v) -> parts.add(t + "=" + ClaimRow.estimate(v)
                + (counts.get(t).isEmpty() ? "" : " [resumed " + counts.get(t) + "]")));
        return String.join("; ", parts);
    }

    /** Why prefork or worker has no rate: the cell's statuses, or no handshake counted (wrk counts none). */
    private static String missing(RunData run, Map<String, double[]> rates, String... targets) {
        List<String> why = new ArrayList<>();
        for (String t : targets) {
            if (Intervals.estimate(rates.get(t)).n() > 0) {
                continue;
            }
            Cells.Key k = run.cells().find(Scenarios.TLS_CHURN_RESUMED, t, null, null);
            String status = run.cells().whyEmpty(k);
            why.add(k == null ? t + " " + Scenarios.TLS_CHURN_RESUMED + ": not run"
                    : k + ": " + (status.isEmpty() ? "no handshake counted (tls_handshakes empty: a generator that "
                    + "counts none, wrk, or a plain HTTP run)" : status));
        }
        return why.isEmpty() ? "" : "no resumption rate for " + String.join("; ", why);
    }
}
