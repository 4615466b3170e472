package mpmbench.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import mpmbench.benchmarks.results.Row;

/**
 * The analysis module's packages, read from its compiled classes (this module's alone, not the
 * dependencies'): no package cycle, every package its own slice ({@code report} and
 * {@code report.chart} apart), and nothing that reaches the runner, the microbenchmarks, the server
 * or the load generator, so that {@code report} and {@code compare} run on a copied results folder
 * with this module's jar. Maven forbids the same by the module graph; this says it where a reader
 * looks, and holds if a dependency is added to the pom by mistake. The floor, {@code results} and
 * {@code catalogue}, reaches none of the packages built on it.
 */
class AnalysisPackagesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() throws URISyntaxException {
        Path main = Path.of(Row.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().importPath(main);
    }

    @Test
    void noPackageCycle() {
        slices().matching("mpmbench.benchmarks.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theAnalysisNeverReachesTheRunnerNorWhatItStarts() {
        noClasses().that().resideInAPackage("mpmbench.benchmarks..").should().dependOnClassesThat()
                .resideInAnyPackage("mpmbench.benchmarks.suite..", "mpmbench.benchmarks.telemetry..",
                        "mpmbench.benchmarks.micro..", "mpmbench.server..", "mpmbench.loadgen..")
                .check(classes);
    }

    @Test
    void theResultsModelAndTheCatalogueAreTheFloor() {
        noClasses().that().resideInAnyPackage("mpmbench.benchmarks.results..", "mpmbench.benchmarks.catalogue..")
                .should().dependOnClassesThat().resideInAnyPackage("mpmbench.benchmarks.claims..",
                        "mpmbench.benchmarks.compare..", "mpmbench.benchmarks.report..", "mpmbench.benchmarks.verify..")
                .check(classes);
    }
}
