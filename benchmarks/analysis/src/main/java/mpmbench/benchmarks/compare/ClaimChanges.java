package mpmbench.benchmarks.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mpmbench.benchmarks.results.ResultsFolder;
import mpmbench.benchmarks.results.Row;

/**
 * The claims of two runs side by side (their claims.csv): a claim that holds in the base and does
 * not hold in the new run is <b>lost</b> (a failure when compare gates on claims), one that became
 * inconclusive or not measured is a <b>warning</b>; anything else is as before or better.
 *
 * @param claim   e.g. "1a java c256" (claim, family, level)
 * @param base    the base's verdict ("" when the base has no such claim)
 * @param next    the new run's verdict
 * @param outcome {@link #LOST}, {@link #WARNING} or {@link #SAME}
 */
public record ClaimChanges(String claim, String base, String next, String outcome) {

    public static final String LOST = "lost";
    public static final String WARNING = "warning";
    public static final String SAME = "ok";

    /** The claims of both folders (their claims.csv), in the new run's order; empty when the new one has none. */
    public static List<ClaimChanges> of(ResultsFolder base, ResultsFolder next) {
        Map<String, String> before = new LinkedHashMap<>();
        for (Row r : base.claims()) {
            before.put(key(r), r.text("verdict"));
        }
        List<ClaimChanges> out = new ArrayList<>();
        for (Row r : next.claims()) {
            String key = key(r);
            // a base from before claims.csv had a level: its one row per claim and family stands for every level
            String was = before.getOrDefault(key, before.getOrDefault(r.text("claim") + " " + r.text("family") + " ?", ""));
            String now = r.text("verdict");
            boolean held = was.equals("holds");
            String outcome = held && now.equals("does not hold") ? LOST : held && !now.equals("holds") ? WARNING : SAME;
            out.add(new ClaimChanges((r.text("claim") + " " + r.text("family") + " " + r.text("level")).trim(), was, now,
                    outcome));
        }
        return out;
    }

    /** "1a java c256": a claim is compared at the same level only ("?": a claims.csv from before levels). */
    private static String key(Row r) {
        return (r.text("claim") + " " + r.text("family") + " " + (r.has("level") ? r.text("level") : "?")).trim();
    }
}
