package mpmbench.loadgen;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import mpmbench.testkit.PackageRules;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The load generator's packages form no circle, and each uses only the packages its
 * {@code package-info.java} allows (the table below says the same; {@link PackageRules} checks it).
 * To draw the graph: {@code scripts/package-graph}.
 */
class PackageGraphTest {

    private static final String ROOT = "mpmbench.loadgen";

    /** The module's own classes, from where Maven compiled them (no class path scan). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .importPath(Path.of(LoadSpec.class.getProtectionDomain().getCodeSource().getLocation().getPath()));

    /**
     * Every package of the module as a slice: {@code mpmbench.loadgen.X..} is X, and the root package
     * {@code mpmbench.loadgen} itself is {@code (root)} (which {@code slices().matching("mpmbench.loadgen.(*)..")}
     * would leave out, and with it a circle through {@code LoadSpec} or {@code LoadResult}).
     */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            return p.startsWith(ROOT + ".") ? SliceIdentifier.of(p.substring(ROOT.length() + 1).split("\\.")[0])
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return ROOT + " and each package below it";
        }
    };

    /** What each package may use of the others ({@code ""} is the root package). */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("contract", Set.of()),
            Map.entry("http", Set.of()),
            Map.entry("record", Set.of()),
            Map.entry("", Set.of("http", "record")),
            Map.entry("engine", Set.of("", "http", "record")),
            Map.entry("report", Set.of("", "contract", "http", "record")),
            Map.entry("merge", Set.of("", "contract", "record")),
            Map.entry("flags", Set.of("", "http")),
            Map.entry("agent", Set.of("", "contract", "engine", "flags", "http", "merge", "record", "report")),
            Map.entry("cli", Set.of("", "agent", "contract", "engine", "flags", "http", "merge", "record", "report")));

    @Test
    void noPackageCircle() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noPackageCircleAmongTheSubpackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    private static final PackageRules RULES = new PackageRules(ROOT, MAY_USE,
            Path.of("src", "main", "java", "mpmbench", "loadgen"));

    @TestFactory
    List<DynamicTest> packageRules() {
        return RULES.tests();
    }
}
