package mpmbench.benchmarks.compare;

import java.util.List;

import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;

/**
 * Which figures of a {@code suite --baseline} run are decided, for {@code suite --until-decided}: a
 * figure judged within the run ({@link WithinRun}, paired by round, each look at 1 − 5 % / looks) is
 * decided when its interval excludes 1 ({@code faster}, {@code slower}) or lies within
 * [1 − margin, 1 + margin] ({@code equivalent}: no change as large as the margin); otherwise, or when it
 * cannot be judged yet, it is {@code undecided}. Stateless.
 */
public final class Decisions {

    public static final String EQUIVALENT = "equivalent";
    /** env.csv's key for the most looks of {@code suite --until-decided} ({@code compare DIR} reads it). */
    public static final String LOOKS_KEY = WithinRun.LOOKS_KEY;
    public static final String UNDECIDED = "undecided";

    /**
     * decided.csv, written by the suite: one row per figure; {@code rounds} the rounds its cell had run when it
     * was decided (or at the end, undecided), {@code pairs} the rounds ok on both sides among them.
     */
    public static final List<String> COLUMNS = List.of("scenario", "target", "connections", "rate", "idle", "figure",
            "decision", "rounds", "pairs", "ratio", "ci_low", "ci_high", "max_looks");

    /**
     * One figure's state at a look.
     *
     * @param scenario the cell's scenario
     * @param target   the new build's target ({@code java-event}; its base is {@code base:java-event})
     * @param level    the cell's level as compare names it ({@code connections,rate,idle})
     * @param figure   the summary.csv column
     * @param decision {@code faster}, {@code slower}, {@link #EQUIVALENT} or {@link #UNDECIDED}
     * @param rounds   the rounds the new target's cell has run (ok or not)
     * @param pairs    the rounds paired so far (ok on both sides)
     * @param row      compare's row of the figure
     */
    public record Decision(String scenario, String target, String level, String figure, String decision, int rounds,
                           int pairs, Row row) {
        public boolean decided() {
            return !decision.equals(UNDECIDED);
        }
    }

    private Decisions() {
    }

    /** Every figure of {@code run} with a base counterpart, judged with {@code looks} looks at most. */
    public static List<Decision> of(ResultsFolder run, double margin, int looks) {
        return WithinRun.compare(run, margin, looks).stream().map(r -> decision(run, r, margin)).toList();
    }

    private static Decision decision(ResultsFolder run, Row r, double margin) {
        String d = UNDECIDED;
        if (!r.text("ratio").isEmpty()) {
            String v = r.text("verdict");
            if (v.equals(RunComparison.FASTER) || v.equals(RunComparison.SLOWER)) {
                d = v;
            } else if (r.num("ci_low") >= 1 - margin && r.num("ci_high") <= 1 + margin) {
                d = EQUIVALENT;
            }
        }
        int pairs = (int) Math.min(r.num("base_n"), r.num("new_n"));
        int rounds = run.cells().repeats(new Cells.Key(r.text("scenario"), r.text("target"), (long) r.num("connections"),
                (long) r.num("rate"), (long) r.num("idle"))).size();
        return new Decision(r.text("scenario"), r.text("target"),
                r.text("connections") + "," + r.text("rate") + "," + r.text("idle"), r.text("figure"), d,
                rounds, Math.max(0, pairs), r);
    }
}
