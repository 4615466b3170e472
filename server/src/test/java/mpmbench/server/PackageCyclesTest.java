package mpmbench.server;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The server's package graph has no circle, read from the compiled main classes (tests excluded):
 * between its rooms ({@code child}, {@code mpm}, {@code http}, … each with its subpackages), and
 * between any two packages at all ({@code mpm} and {@code mpm.event}, {@code http} and
 * {@code http.request}). The root package {@code mpmbench.server}, empty today, takes part in both
 * as a slice of its own, so a class put there cannot hide a circle.
 *
 * <p>Draw the graph yourself: {@code mvn -q -o compile -pl server -am && jdeps -verbose:package
 * -e 'mpmbench\.server.*' server/target/classes}.
 */
@AnalyzeClasses(packages = "mpmbench.server", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    private static final String ROOT = "mpmbench.server";

    /** Rooms: the first package below the root, with everything under it; the root as "(root)". */
    @ArchTest
    static final ArchRule roomsAreFreeOfCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule roomsAndTheRootAreFreeOfCycles = slices().assignedFrom(new Packages(1)).should()
            .beFreeOfCycles();

    /** Every package on its own, the root included. */
    @ArchTest
    static final ArchRule everyPackageIsFreeOfCycles = slices().assignedFrom(new Packages(Integer.MAX_VALUE))
            .should().beFreeOfCycles();

    /** A class's package below {@link #ROOT}, cut after {@code depth} names; the root as "(root)". */
    private record Packages(int depth) implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            if (!pkg.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String[] names = pkg.substring(ROOT.length() + 1).split("\\.");
            return SliceIdentifier.of(String.join(".", Arrays.copyOf(names, Math.min(depth, names.length))));
        }

        @Override
        public String getDescription() {
            return depth == 1 ? "the server's top-level packages and its root" : "every package of the server";
        }
    }
}
