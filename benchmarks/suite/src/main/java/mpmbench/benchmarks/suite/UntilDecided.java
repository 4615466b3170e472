package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import mpmbench.benchmarks.claims.Claims;
import mpmbench.benchmarks.claims.RunData;
import mpmbench.benchmarks.compare.Decisions;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.SequentialLooks;

/**
 * {@code suite --until-decided [--budget T] [--max-repeats N]}: after the plan's repeats, more rounds,
 * each only for the (scenario, target) cells that an inconclusive claim reads ({@link Claims.Judged#cells})
 * and, with {@code --baseline REF}, the (scenario, java-X) cells with a figure still undecided ({@link
 * Decisions}: compare's paired verdict within the run, faster, slower, or equivalent within
 * {@link #MARGIN}; both builds of each in the ABBA order), until every claim and figure is decided, the run has
 * taken the budget, or the cells have {@code maxRepeats} rounds.
 *
 * <p><b>Looks.</b> The data are looked at after the plan's repeats n₀ and then each time the rounds have
 * doubled (n₀, 2n₀, 4n₀, …, and {@code maxRepeats} last), as a group-sequential design with few interim
 * analyses: a look after every round would spend the error on looks that add one round's information. A
 * budget spent between two looks brings the next look forward (it is still one of them, and the last).
 * The error of the K looks ({@link #looks}) is kept by a Bonferroni split: every look (and the final
 * {@code compare DIR}, which reads K from env.csv) takes its intervals at 1 − 5 % / K and multiplies
 * p_worse by K; the claims take their intervals at the same level ({@link SequentialLooks}), and so does
 * the report's claims.csv, which reads K from env.csv. Conservative, and valid whenever the looks stop.
 * Measured on 2026-12-06 (results/compare-planted-2026-12-06): with a look after every round up to 20
 * rounds (K = 18, each at 0.28 %), a paired interval of java-event's req/s was ±20 % wide after 17 rounds;
 * the doubling schedule to 24 rounds has K = 4 (each at 1.25 %), which needs about 1.6× fewer rounds for
 * the same width. A start-up cell gets {@link SuiteRunner#STARTUP_LAUNCHES_PER_ROUND} launches in each added
 * round (a launch is cheap, its time noisy), so a start-up claim's "rounds" count launches. decided.csv says
 * per figure and per claim how many rounds it took: the first look that
 * decided it (a cell still open for another figure or claim gets more rounds; compare DIR and claims.csv
 * at the end judge them all). Used by the suite's one thread.
 *
 * @param maxRepeats the most rounds a cell gets
 * @param budget     the run's wall time after which no round is added (zero: none; a round started
 *                   before is finished)
 */
public record UntilDecided(int maxRepeats, Duration budget) {

    /** A figure within ±10 % (compare's default threshold) with its whole interval is decided equivalent. */
    public static final double MARGIN = 0.10;

    /** The most looks at the data: after the plan's repeats, then each time the rounds have doubled, and at {@code maxRepeats}. */
    public int looks(int repeats) {
        return lookRounds(repeats).size();
    }

    /** The rounds after which the data are looked at: the plan's repeats, then doubling, {@code maxRepeats} last. */
    public List<Integer> lookRounds(int repeats) {
        List<Integer> at = new ArrayList<>(List.of(repeats));
        while (at.getLast() < maxRepeats) {
            at.add(nextLook(at.getLast()));
        }
        return at;
    }

    /** The rounds at the look after one at {@code rounds}: twice as many, at most {@code maxRepeats}. */
    public int nextLook(int rounds) {
        return Math.min(maxRepeats, Math.max(rounds + 1, 2 * rounds));
    }

    /** env.csv's description of the rule. */
    public String describe(int repeats) {
        List<Integer> rounds = lookRounds(repeats);
        StringBuilder at = new StringBuilder().append(rounds.getFirst());
        for (int i = 1; i < rounds.size(); i++) {
            at.append(i == rounds.size() - 1 ? " and " : ", ").append(rounds.get(i));
        }
        return "rounds added for inconclusive claims and undecided figures up to " + maxRepeats + " repeats"
                + (budget.isZero() ? "" : " or " + budget.toSeconds() + " s of run") + "; looks after " + at
                + " rounds (a spent budget brings the next forward), each of at most "
                + looks(repeats) + " looks at 5 %/" + looks(repeats) + " (Bonferroni), equivalent within "
                + Math.round(MARGIN * 100) + " %";
    }

    /**
     * What one look sees.
     *
     * @param figures compare's figures of a {@code --baseline} run (empty without base cells)
     * @param claims  every claim's rows, each with the cells it reads, at the looks' level
     */
    record Look(List<Decisions.Decision> figures, List<Claims.Judged> claims) {
    }

    /** The figures and claims now, from the results folder as written so far. */
    Look look(Path out, int repeats) throws IOException {
        ResultsFolder run = ResultsFolder.readSuite(out);
        return new Look(Decisions.of(run, MARGIN, looks(repeats)), Claims.judge(
                new RunData(run.cells(), run.jmh(), run.memory(), SequentialLooks.level(looks(repeats))),
                mpmbench.benchmarks.catalogue.Design.duetScenarios(run.env()))); // a duet cell decides no claim
    }

    /** "scenario|java-X" of every cell with an undecided figure. */
    static Set<String> undecidedCells(List<Decisions.Decision> decisions) {
        Set<String> cells = new LinkedHashSet<>();
        decisions.stream().filter(d -> !d.decided()).forEach(d -> cells.add(d.scenario() + "|" + d.target()));
        return cells;
    }

    /** "scenario|target" of every cell an undecided figure or an inconclusive claim reads. */
    static Set<String> undecidedCells(Look look) {
        Set<String> cells = undecidedCells(look.figures());
        look.claims().stream().filter(Claims.Judged::open).flatMap(j -> j.cells().stream())
                .forEach(k -> cells.add(k.scenario() + "|" + k.target()));
        return cells;
    }

    /** A figure's key in {@link Tracker}. */
    private static String key(Decisions.Decision d) {
        return d.scenario() + "|" + d.target() + "|" + d.level() + "|" + d.figure();
    }

    private static final String NOT_MEASURED = mpmbench.benchmarks.claims.Verdict.NOT_MEASURED.text();

    /** A claim row's key in {@link Tracker}: claim, family, level. */
    private static String key(Claims.Judged j) {
        return j.row().text("claim") + "|" + j.row().text("family") + "|" + j.row().text("level");
    }

    /** The rounds (and pairs) each figure had when it was first decided, and the rounds of each claim. */
    static final class Tracker {
        private final Map<String, Decisions.Decision> decidedAt = new HashMap<>();
        private final Map<String, Claims.Judged> claimDecidedAt = new HashMap<>();

        void saw(List<Decisions.Decision> decisions) {
            decisions.stream().filter(Decisions.Decision::decided).forEach(d -> decidedAt.putIfAbsent(key(d), d));
        }

        void saw(Look look) {
            saw(look.figures());
            look.claims().stream().filter(j -> !j.open() && !j.cells().isEmpty())
                    .forEach(j -> claimDecidedAt.putIfAbsent(key(j), j));
        }

        /**
         * decided.csv's rows of the claims that read cells and were measured: {@code figure} "claim ID LEVEL", {@code target} the
         * family, {@code scenario} the scenarios read ({@code +}-joined), {@code decision} the verdict at the
         * first look that decided it (else at the last look), {@code rounds} the rounds of its cells then, the ratio
         * and interval at that look.
         */
        List<Row> claimRows(Look last, int looks) {
            List<Row> rows = new ArrayList<>();
            for (Claims.Judged end : last.claims()) {
                if (end.cells().isEmpty() || end.row().text("verdict").equals(NOT_MEASURED)) {
                    continue; // the micro benchmarks, and claims whose cells never gave a value: no rounds to count
                }
                Claims.Judged j = claimDecidedAt.getOrDefault(key(end), end);
                Row r = j.row();
                rows.add(Row.builder(Decisions.COLUMNS)
                        .put("scenario", String.join("+", j.cells().stream().map(k -> k.scenario()).distinct().toList()))
                        .put("target", r.text("family")).put("figure", "claim " + r.text("claim") + " " + r.text("level"))
                        .put("decision", r.text("verdict")).put("rounds", r.text("rounds")).put("ratio", r.text("ratio"))
                        .put("ci_low", r.text("ratio_ci_low")).put("ci_high", r.text("ratio_ci_high"))
                        .put("max_looks", looks).build());
            }
            return rows;
        }

        /**
         * decided.csv's rows ({@link Decisions#COLUMNS}): each figure as the first look that decided it (every
         * look is valid at 5 %/K, so that decision stands), else as the last look, undecided.
         */
        List<Row> rows(List<Decisions.Decision> last, int looks) {
            List<Row> rows = new ArrayList<>();
            for (Decisions.Decision end : last) {
                Decisions.Decision d = decidedAt.getOrDefault(key(end), end);
                Row r = d.row();
                rows.add(Row.builder(Decisions.COLUMNS).put("scenario", d.scenario()).put("target", d.target())
                        .put("connections", r.text("connections")).put("rate", r.text("rate")).put("idle", r.text("idle"))
                        .put("figure", d.figure()).put("decision", d.decision()).put("rounds", d.rounds())
                        .put("pairs", d.pairs()).put("ratio", r.text("ratio")).put("ci_low", r.text("ci_low"))
                        .put("ci_high", r.text("ci_high")).put("max_looks", looks).build());
            }
            return rows;
        }

        void write(Path out, List<Decisions.Decision> last, int looks) throws IOException {
            CsvTables.write(out.resolve("decided.csv"), Decisions.COLUMNS, rows(last, looks));
        }

        /** decided.csv: the figures' rows, then the claims'. */
        void write(Path out, Look last, int looks) throws IOException {
            List<Row> rows = new ArrayList<>(rows(last.figures(), looks));
            rows.addAll(claimRows(last, looks));
            CsvTables.write(out.resolve("decided.csv"), Decisions.COLUMNS, rows);
        }
    }
}
