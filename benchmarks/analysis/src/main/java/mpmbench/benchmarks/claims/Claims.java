package mpmbench.benchmarks.claims;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.SequentialLooks;

/**
 * The claims of README's claims table, in the order claims.csv lists them, with their thresholds. Each
 * claim compares ratios with a relative threshold (so it means the same on any machine), per family
 * ({@code java} = our models, {@code httpd} = Debian's apache2), and takes its verdict from the 95 %
 * interval of its ratio over the repeats ({@link RatioCheck}); repeats with status {@code ok} or
 * {@code unsettled} count, generator-bound ones are listed in the report and judged on their memory only
 * (claim 1a: the target's memory at the load it got, {@link Cells#counts}). Claim 8 (a
 * graceful restart drops no request, {@link GracefulRestartDropsNothing}) is a count per target, not a
 * ratio per family: its rows come last, one per target that ran graceful-restart. Every row names the
 * cell level it was decided at ({@code level}); see {@link mpmbench.benchmarks.results.Schemas#CLAIMS}.
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
    /**
     * Claim 7: a pair of models is ordered only when its ratio's interval lies beyond this (or its inverse).
     * Claim 9: "as likely" when prefork's resumption rate is above 1 / this of worker's.
     */
    public static final double TIE = 1.10;

    static final List<String> FAMILIES = List.of(Targets.JAVA, Targets.HTTPD);

    private static final List<Claim> ALL = all();

    private Claims() {
    }

    private static List<Claim> all() {
        List<Claim> claims = new ArrayList<>(PreforkCostsMore.ALL);
        claims.add(new CrashContainment());
        claims.add(new ConnectionsPerMemory());
        claims.add(new KeepAliveUnderIdle());
        claims.add(new CpuConvergence());
        claims.add(new MicroClaim());
        claims.add(new JavaOrdersLikeHttpd());
        claims.add(new ResumptionAcrossProcesses());
        claims.add(new GracefulRestartDropsNothing());
        return List.copyOf(claims);
    }

    public static List<Row> evaluate(List<Row> summary) {
        return evaluate(summary, new JmhResults(List.of()), List.of());
    }

    /** The claims on summary.csv's repeats, claim 5 on jmh.csv (and memory.csv, shown beside it when present). */
    public static List<Row> evaluate(List<Row> summary, JmhResults jmh, List<Row> memory) {
        return evaluate(summary, jmh, memory, 1);
    }

    /**
     * As above, for a run of {@code suite --until-decided} with at most {@code looks} looks (env.csv's
     * {@link SequentialLooks#KEY}): every interval at {@link SequentialLooks#level}, so that a folder
     * judged again later gets the verdicts the run stopped on. 1: 95 %.
     */
    public static List<Row> evaluate(List<Row> summary, JmhResults jmh, List<Row> memory, int looks) {
        return judge(new RunData(new Cells(summary), jmh, memory, SequentialLooks.level(looks))).stream()
                .map(Judged::row).toList();
    }

    /**
     * As {@link #evaluate(List, JmhResults, List, int)} for a run whose env.csv names the cells measured as a
     * duet ({@link mpmbench.benchmarks.catalogue.Design#duetScenarios}): a claim that reads one is not measured
     * ({@link DuetCells}). Empty {@code duetScenarios}: every claim judged as above.
     */
    public static List<Row> evaluate(List<Row> summary, JmhResults jmh, List<Row> memory, int looks,
                                     Set<String> duetScenarios) {
        return judge(new RunData(new Cells(summary), jmh, memory, SequentialLooks.level(looks)), duetScenarios).stream()
                .map(Judged::row).toList();
    }

    /** As {@link #judge(RunData)}, a row that reads a cell of {@code duetScenarios} not measured ({@link DuetCells}). */
    public static List<Judged> judge(RunData run, Set<String> duetScenarios) {
        return DuetCells.notFromDuets(judge(run), duetScenarios);
    }

    /**
     * A row of claims.csv with the cells it reads ({@link ClaimCells}): the cells that
     * {@code suite --until-decided} gives another round while the row is {@link Verdict#INCONCLUSIVE}.
     *
     * @param row   claims.csv's row, its {@code rounds} filled (the most repeats among its cells)
     * @param cells the cells its verdict rests on, in run order; empty for the micro benchmarks
     */
    public record Judged(Row row, Set<Cells.Key> cells) {

        public Judged {
            cells = Collections.unmodifiableSet(new LinkedHashSet<>(cells));
        }

        /** Inconclusive: more rounds of its cells may decide it. */
        public boolean open() {
            return row.text("verdict").equals(Verdict.INCONCLUSIVE.text());
        }
    }

    /** Every claim on {@code run}, in claims.csv's order, each row with the cells it reads. */
    public static List<Judged> judge(RunData run) {
        List<Judged> rows = new ArrayList<>();
        for (Claim c : ALL) {
            for (Row r : c.evaluate(run)) {
                Set<Cells.Key> read = ClaimCells.of(c, r.text("family"), run.cells());
                rows.add(new Judged(ClaimCells.withRounds(r, read, run.cells()), read));
            }
        }
        // claims.csv lists a family's claims together: java 1a..6, httpd 1a..6, then micro and java-vs-httpd,
        // then the per-target claims (family = the target) in run order
        List<String> families = List.of(Targets.JAVA, Targets.HTTPD, "micro", ClaimCells.BOTH);
        List<Judged> ordered = new ArrayList<>();
        for (String f : families) {
            rows.stream().filter(j -> j.row().text("family").equals(f)).forEach(ordered::add);
        }
        rows.stream().filter(j -> !families.contains(j.row().text("family"))).forEach(ordered::add);
        return ordered;
    }
}
