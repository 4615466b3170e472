package mpmbench.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import mpmbench.benchmarks.suite.SuiteMain;

/**
 * The suite module's packages, read from its compiled classes: no package cycle ({@code suite} uses
 * {@code telemetry}, never the other way), and the server and the microbenchmarks reached only as
 * processes started from their jars: they are built first (Maven's provided scope) but never imported.
 */
class SuitePackagesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() throws URISyntaxException {
        Path main = Path.of(SuiteMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().importPath(main);
    }

    @Test
    void noPackageCycle() {
        slices().matching("mpmbench.benchmarks.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theServerAndTheMicrobenchmarksAreProcessesNotImports() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("mpmbench.server..", "mpmbench.benchmarks.micro..")
                .check(classes);
    }

    @Test
    void telemetryKnowsNothingOfTheRunner() {
        noClasses().that().resideInAPackage("mpmbench.benchmarks.telemetry..").should().dependOnClassesThat()
                .resideInAPackage("mpmbench.benchmarks.suite..").check(classes);
    }
}
