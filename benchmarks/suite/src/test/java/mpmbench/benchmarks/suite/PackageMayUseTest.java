package mpmbench.benchmarks.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import mpmbench.testkit.PackageRules;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each package of the analysis and the suite (both below {@code mpmbench.benchmarks}) uses only what
 * its {@code package-info.java} says it may use, and that sentence names the same packages as
 * {@link #MAY_USE}. Checked here because the suite's test class path holds both modules' classes;
 * the microbenchmarks (a module of their own, measured in-process) are not on it. To draw the graph:
 * {@code scripts/package-graph}.
 */
class PackageMayUseTest {

    /** What each package (below {@code mpmbench.benchmarks}) may use besides itself ({@link PackageRules}). */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("catalogue", Set.of()),
            Map.entry("results", Set.of()),
            Map.entry("claims", Set.of("results", "catalogue")),
            Map.entry("claims.readme", Set.of("claims", "results", "catalogue")),
            Map.entry("compare", Set.of("results", "catalogue")),
            Map.entry("report.chart", Set.of("results", "catalogue")),
            Map.entry("report", Set.of("report.chart", "claims", "results", "catalogue")),
            Map.entry("verify", Set.of("results")),
            Map.entry("dimension", Set.of("results", "report.chart")),
            Map.entry("telemetry", Set.of()),
            Map.entry("suite", Set.of("telemetry", "catalogue", "results", "report", "compare", "claims")));

    private static final PackageRules RULES = new PackageRules("mpmbench.benchmarks", MAY_USE,
            Path.of("src", "main", "java", "mpmbench", "benchmarks"),
            Path.of("..", "analysis", "src", "main", "java", "mpmbench", "benchmarks"));

    @TestFactory
    List<DynamicTest> packageRules() {
        return RULES.tests();
    }
}
