package mpmbench.loadgen;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The load generator's packages form no circle, and each uses only the packages its
 * {@code package-info.java} allows (the table below says the same). To draw the graph:
 * {@code jdeps -verbose:package -e 'mpmbench\.loadgen.*' loadgen/target/classes}.
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

    @Test
    void eachPackageUsesOnlyWhatItMay() {
        for (var e : MAY_USE.entrySet()) {
            String self = name(e.getKey());
            List<String> allowed = new ArrayList<>(List.of(e.getKey().isEmpty() ? ROOT : self + ".."));
            e.getValue().forEach(p -> allowed.add(p.isEmpty() ? ROOT : name(p) + ".."));
            classes().that().resideInAPackage(e.getKey().isEmpty() ? ROOT : self + "..")
                    .should().onlyDependOnClassesThat(resideInAnyPackage(allowed.toArray(String[]::new))
                            .or(not(resideInAPackage(ROOT + ".."))))
                    .because("package-info.java of " + self + " says what it may use")
                    .check(CLASSES);
        }
    }

    @Test
    void theTableNamesEveryPackage() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            String p = c.getPackageName();
            packages.add(p.equals(ROOT) ? "" : p.substring(ROOT.length() + 1).split("\\.")[0]);
        }
        assertEquals(new TreeSet<>(MAY_USE.keySet()), packages);
    }

    /**
     * Each package has a {@code package-info.java} whose "May use:" sentence names the same packages as
     * {@link #MAY_USE} ({@code {@code X}} for a package, "the root package", "every other package").
     */
    @Test
    void eachPackageInfoSaysWhatItMayUse() throws IOException {
        Path sources = Path.of("src", "main", "java", "mpmbench", "loadgen");
        for (var e : MAY_USE.entrySet()) {
            Path info = sources.resolve(e.getKey()).resolve("package-info.java");
            assertTrue(Files.exists(info), info + " is missing");
            String text = Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
            int at = text.indexOf("May use:");
            assertTrue(at >= 0, info + " has no \"May use:\"");
            String sentence = text.substring(at).split("\\.\\s", 2)[0];
            Set<String> named = new TreeSet<>();
            if (sentence.contains("the root package")) {
                named.add("");
            }
            if (sentence.contains("every other package")) {
                named.addAll(MAY_USE.keySet());
                named.remove(e.getKey());
            }
            Matcher m = Pattern.compile("\\{@code (\\w+)\\}").matcher(sentence);
            while (m.find()) {
                if (MAY_USE.containsKey(m.group(1))) {
                    named.add(m.group(1));
                }
            }
            assertEquals(new TreeSet<>(e.getValue()), named, info + ": " + sentence);
        }
    }

    private static String name(String slice) {
        return slice.isEmpty() ? ROOT : ROOT + "." + slice;
    }
}
