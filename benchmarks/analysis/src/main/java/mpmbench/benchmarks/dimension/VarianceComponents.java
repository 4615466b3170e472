package mpmbench.benchmarks.dimension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Variance components of log req/s by the method of moments (nested ANOVA), for one scenario:
 * <ul>
 *   <li><b>window</b>: between the measured windows of one instance, the mean square within
 *       instances (MSW);</li>
 *   <li><b>instance</b>: between the instances of a target beyond what their windows explain,
 *       (MSB − MSW) / n with n the windows per instance (n₀ of the unbalanced design), clipped at 0;</li>
 *   <li><b>trend</b>: the part of the instances' spread a straight line over time explains (its slope
 *       in % per hour), the rest the instance's own luck;</li>
 *   <li><b>round</b>: what a round does to every target in it, from the two-way table targets ×
 *       rounds of the instance means (rounds where every target has one): (MS_round − MS_residual) / T,
 *       clipped at 0; the same for every target on the log scale, which is what pairing by round
 *       cancels.</li>
 * </ul>
 * Standard deviations are given in % (100 × sd of the natural log: about the coefficient of variation
 * for spreads of a few tens of %). For each pair of targets: the correlation of their instance means
 * over the rounds both measured, the sd of their per-round log-ratio, and the rounds a 95 % interval of
 * ±5 % needs paired (that sd) and unpaired (the two instance spreads added). A window of 0 req/s has no
 * logarithm and is left out (an instance needs 2 windows left). Stateless.
 */
public final class VarianceComponents {

    /** One instance: its round, its start (s from the experiment's start) and its windows' req/s. */
    public record Instance(int round, double startS, double[] rps) {
    }

    /**
     * The components of one target, sds in % of log req/s.
     *
     * @param instances   instances with at least 2 windows
     * @param windows     windows per instance (n₀ when they differ)
     * @param meanRps     geometric mean req/s over every window
     * @param windowSd    sd between windows of one instance
     * @param instanceSd  sd between instances beyond their windows (trend included)
     * @param ownSd       instanceSd with the linear trend taken out
     * @param trendPctPerHour slope of the instance means over time, % per hour (NaN with fewer than 3 instances)
     */
    public record Target(String target, int instances, double windows, double meanRps, double windowSd,
                         double instanceSd, double ownSd, double trendPctPerHour) {
    }

    /** Two targets measured in the same rounds: {@code rounds}, correlation, sd of the log-ratio (%), rounds for ±5 % ({@link #rounds}: 0 beyond the most, −1 unknown). */
    public record Pair(String a, String b, int rounds, double correlation, double ratioSd, int roundsPaired,
                       int roundsUnpaired) {
    }

    /** A scenario's components: per target, the round sd shared by all (%), and per pair. */
    public record Result(List<Target> targets, double roundSd, int completeRounds, List<Pair> pairs) {
    }

    /** The half-width (as a factor) that {@link Pair#roundsPaired} asks for: ±5 %. */
    public static final double TARGET_HALF_WIDTH = 0.05;

    /** More rounds than this are not worth suggesting (0 in a pair's row). */
    public static final int MAX_ROUNDS = 500;

    private VarianceComponents() {
    }

    /** The components of every target of a scenario ({@code target → its instances}, in the order given). */
    public static Result of(Map<String, List<Instance>> byTarget) {
        List<Target> targets = new ArrayList<>();
        Map<String, Map<Integer, Double>> means = new LinkedHashMap<>();
        Map<String, Double> instanceVar = new LinkedHashMap<>();
        for (Map.Entry<String, List<Instance>> e : byTarget.entrySet()) {
            List<Instance> ok = e.getValue().stream().filter(i -> finite(i.rps()).length >= 2).toList();
            if (ok.isEmpty()) {
                continue;
            }
            Target t = target(e.getKey(), ok);
            targets.add(t);
            instanceVar.put(e.getKey(), Math.pow(t.instanceSd() / 100, 2) + Math.pow(t.windowSd() / 100, 2) / t.windows());
            Map<Integer, Double> m = new LinkedHashMap<>();
            for (Instance i : ok) {
                m.put(i.round(), mean(logs(i.rps())));
            }
            means.put(e.getKey(), m);
        }
        TreeSet<Integer> complete = new TreeSet<>();
        means.values().stream().findFirst().ifPresent(m -> complete.addAll(m.keySet()));
        means.values().forEach(m -> complete.retainAll(m.keySet()));
        double roundSd = roundSd(means, List.copyOf(complete));
        List<Pair> pairs = new ArrayList<>();
        List<String> names = List.copyOf(means.keySet());
        for (int x = 0; x < names.size(); x++) {
            for (int y = x + 1; y < names.size(); y++) {
                pairs.add(pair(names.get(x), names.get(y), means.get(names.get(x)), means.get(names.get(y)),
                        instanceVar.get(names.get(x)) + instanceVar.get(names.get(y))));
            }
        }
        return new Result(targets, roundSd, complete.size(), pairs);
    }

    static Target target(String name, List<Instance> instances) {
        int k = instances.size();
        double[][] y = instances.stream().map(i -> logs(i.rps())).toArray(double[][]::new);
        int total = 0;
        double grand = 0;
        double ssw = 0;
        double[] m = new double[k];
        double sumN2 = 0;
        for (int i = 0; i < k; i++) {
            m[i] = mean(y[i]);
            total += y[i].length;
            sumN2 += (double) y[i].length * y[i].length;
            grand += m[i] * y[i].length;
            for (double v : y[i]) {
                ssw += (v - m[i]) * (v - m[i]);
            }
        }
        grand /= total;
        double msw = ssw / (total - k);
        double n0 = k > 1 ? (total - sumN2 / total) / (k - 1) : total;
        double ssb = 0;
        for (int i = 0; i < k; i++) {
            ssb += y[i].length * (m[i] - grand) * (m[i] - grand);
        }
        double instVar = k > 1 ? Math.max(0, (ssb / (k - 1) - msw) / n0) : Double.NaN;
        // the trend: least squares of the instance means on their start times
        double[] t = instances.stream().mapToDouble(Instance::startS).toArray();
        double slope = Double.NaN;
        double ownVar = instVar;
        if (k >= 3) {
            double tm = mean(t);
            double mm = mean(m);
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < k; i++) {
                sxy += (t[i] - tm) * (m[i] - mm);
                sxx += (t[i] - tm) * (t[i] - tm);
            }
            slope = sxx > 0 ? sxy / sxx : 0;
            double res = 0;
            for (int i = 0; i < k; i++) {
                double r = m[i] - mm - slope * (t[i] - tm);
                res += r * r;
            }
            ownVar = Math.max(0, res / (k - 2) - msw / n0);
        }
        return new Target(name, k, n0, Math.exp(grand), 100 * Math.sqrt(msw), 100 * Math.sqrt(instVar),
                100 * Math.sqrt(ownVar), Double.isNaN(slope) ? Double.NaN : 100 * slope * 3600);
    }

    /** The round component (sd %, NaN with fewer than 2 targets or 2 complete rounds) of the targets × rounds table. */
    static double roundSd(Map<String, Map<Integer, Double>> means, List<Integer> rounds) {
        int tn = means.size();
        int rn = rounds.size();
        if (tn < 2 || rn < 2) {
            return Double.NaN;
        }
        double[][] y = new double[tn][rn];
        int a = 0;
        for (Map<Integer, Double> m : means.values()) {
            for (int r = 0; r < rn; r++) {
                y[a][r] = m.get(rounds.get(r));
            }
            a++;
        }
        double grand = 0;
        double[] rowMean = new double[tn];
        double[] colMean = new double[rn];
        for (int i = 0; i < tn; i++) {
            for (int r = 0; r < rn; r++) {
                rowMean[i] += y[i][r] / rn;
                colMean[r] += y[i][r] / tn;
                grand += y[i][r] / (tn * rn);
            }
        }
        double ssRound = 0;
        double ssRes = 0;
        for (int r = 0; r < rn; r++) {
            ssRound += tn * (colMean[r] - grand) * (colMean[r] - grand);
            for (int i = 0; i < tn; i++) {
                double e = y[i][r] - rowMean[i] - colMean[r] + grand;
                ssRes += e * e;
            }
        }
        double msRound = ssRound / (rn - 1);
        double msRes = ssRes / ((tn - 1) * (rn - 1));
        return 100 * Math.sqrt(Math.max(0, (msRound - msRes) / tn));
    }

    static Pair pair(String a, String b, Map<Integer, Double> ma, Map<Integer, Double> mb, double unpairedVar) {
        List<Integer> both = ma.keySet().stream().filter(mb::containsKey).sorted().toList();
        int n = both.size();
        double[] x = both.stream().mapToDouble(ma::get).toArray();
        double[] y = both.stream().mapToDouble(mb::get).toArray();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - y[i];
        }
        double sd = n >= 2 ? Math.sqrt(var(d)) : Double.NaN;
        return new Pair(a, b, n, correlation(x, y), 100 * sd, rounds(sd * sd), rounds(unpairedVar));
    }

    /** Fewest rounds n with t(n−1) √(v / n) ≤ ln(1 + {@link #TARGET_HALF_WIDTH}); 0 beyond {@link #MAX_ROUNDS}, −1 unknown (v NaN). */
    static int rounds(double v) {
        if (!(v >= 0)) {
            return -1;
        }
        double goal = Math.log(1 + TARGET_HALF_WIDTH);
        for (int n = 2; n <= MAX_ROUNDS; n++) {
            double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.975);
            if (t * Math.sqrt(v / n) <= goal) {
                return n;
            }
        }
        return 0;
    }

    static double correlation(double[] x, double[] y) {
        if (x.length < 3) {
            return Double.NaN;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    private static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(d -> Double.isFinite(d) && d > 0).toArray();
    }

    private static double[] logs(double[] rps) {
        return java.util.Arrays.stream(finite(rps)).map(Math::log).toArray();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double var(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return s / (v.length - 1);
    }
}
