package mpmbench.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import mpmbench.benchmarks.micro.MicroMain;

/**
 * The micro module's packages, read from its compiled classes (JMH's generated ones included): no
 * package cycle, and nothing of the analysis or the suite: the microbenchmarks measure the server's
 * classes in-process and write JMH's files, which the analysis reads like any other result.
 */
class MicroPackagesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() throws URISyntaxException {
        Path main = Path.of(MicroMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().importPath(main);
    }

    @Test
    void noPackageCycle() {
        slices().matching("mpmbench.benchmarks.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theMicrobenchmarksReachNeitherTheAnalysisNorTheSuite() {
        noClasses().that().resideInAPackage("mpmbench.benchmarks.micro..").should().dependOnClassesThat()
                .resideInAnyPackage("mpmbench.benchmarks.suite..", "mpmbench.benchmarks.telemetry..",
                        "mpmbench.benchmarks.results..", "mpmbench.benchmarks.report..", "mpmbench.benchmarks.claims..")
                .check(classes);
    }
}
