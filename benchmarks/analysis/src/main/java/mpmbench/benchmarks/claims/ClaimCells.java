package mpmbench.benchmarks.claims;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import mpmbench.benchmarks.catalogue.Targets;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.Row;

/**
 * The cells a row of claims.csv reads: those of the run whose scenario the claim reads
 * ({@link Claim#scenariosRead}) and whose target belongs to the row's family — {@code java-X} for
 * {@code java}, {@code httpd-X} for {@code httpd}, both for {@code java-vs-httpd}, the target itself
 * for a per-target row (claim 8) — at every level of those scenarios (a claim may read one level, but a
 * target's instance runs every level of a scenario, so that is the unit more rounds come in). A base
 * build's cells ({@code base:java-X}) belong to no family: claims are about the new build. Stateless.
 */
final class ClaimCells {

    /** The family of claim 7, which reads both. */
    static final String BOTH = "java-vs-httpd";

    private ClaimCells() {
    }

    /** The cells of {@code cells} that {@code claim}'s row of {@code family} reads, in run order. */
    static Set<Cells.Key> of(Claim claim, String family, Cells cells) {
        List<String> scenarios = claim.scenariosRead();
        Set<Cells.Key> out = new LinkedHashSet<>();
        for (Cells.Key k : cells.keys()) {
            if (scenarios.contains(k.scenario()) && inFamily(k.target(), family)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Whether a target's cells count for a claims.csv family. */
    static boolean inFamily(String target, String family) {
        if (target.startsWith(Targets.BASE_PREFIX)) {
            return false;
        }
        if (family.equals(BOTH)) {
            return inFamily(target, Targets.JAVA) || inFamily(target, Targets.HTTPD);
        }
        return target.equals(family) || target.startsWith(family + "-");
    }

    /**
     * The rounds a row's verdict rests on: the most repeats among its cells (every round ran every one
     * of them, unless {@code suite --until-decided} added rounds to some); 0 without cells.
     */
    static int rounds(Set<Cells.Key> read, Cells cells) {
        return read.stream().mapToInt(k -> cells.repeats(k).size()).max().orElse(0);
    }

    /** claims.csv's row with its {@code rounds} ({@link #rounds}; empty without cells). */
    static Row withRounds(Row row, Set<Cells.Key> read, Cells cells) {
        int n = rounds(read, cells);
        return n == 0 ? row : Row.builder(mpmbench.benchmarks.results.Schemas.CLAIMS).putAll(row).put("rounds", n).build();
    }
}
