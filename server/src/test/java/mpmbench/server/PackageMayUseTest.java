package mpmbench.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Each of the server's packages uses only what its {@code package-info.java} says it may use, and
 * that sentence names the same packages as {@link #MAY_USE} (PackageCyclesTest checks there is no
 * circle; this checks the direction). To draw the graph: {@code jdeps -verbose:package -e
 * 'mpmbench\.server.*' server/target/classes}.
 */
class PackageMayUseTest {

    private static final String ROOT = "mpmbench.server";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /**
     * What each package (below {@link #ROOT}) may use besides itself: {@code X..} is X and every
     * package below it, {@code X} that package alone. A package's own subpackages are not "itself":
     * {@code http.request} never uses {@code http}.
     */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("http.ascii", Set.of()),
            Map.entry("http.io", Set.of()),
            Map.entry("http.request", Set.of("http.ascii")),
            Map.entry("http.response", Set.of("http.request", "http.ascii")),
            Map.entry("http", Set.of("http.ascii", "http.io", "http.request", "http.response")),
            Map.entry("handler", Set.of("http", "http.request", "http.response", "http.ascii")),
            Map.entry("config", Set.of("http", "http.request")),
            Map.entry("scoreboard", Set.of("http")),
            Map.entry("master", Set.of("config", "scoreboard")),
            Map.entry("cli", Set.of("master", "config", "scoreboard")),
            Map.entry("mpm", Set.of("config", "handler", "http..", "scoreboard")),
            Map.entry("mpm.prefork", Set.of("mpm", "scoreboard")),
            Map.entry("mpm.worker", Set.of("mpm", "config", "scoreboard")),
            Map.entry("mpm.event", Set.of("mpm", "config", "http..", "scoreboard")),
            Map.entry("mpm.virtual", Set.of("mpm", "config", "http..", "scoreboard")),
            Map.entry("child", Set.of("mpm..", "config", "handler", "http..", "scoreboard")));

    @Test
    void eachPackageUsesOnlyWhatItMay() {
        for (var e : MAY_USE.entrySet()) {
            List<String> allowed = new ArrayList<>(List.of(ROOT + "." + e.getKey()));
            e.getValue().forEach(p -> allowed.add(ROOT + "." + p));
            classes().that().resideInAPackage(ROOT + "." + e.getKey())
                    .should().onlyDependOnClassesThat(resideInAnyPackage(allowed.toArray(String[]::new))
                            .or(not(resideInAPackage(ROOT + ".."))))
                    .because("package-info.java of " + e.getKey() + " says what it may use")
                    .check(CLASSES);
        }
    }

    @Test
    void theTableNamesEveryPackage() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            if (c.getPackageName().startsWith(ROOT + ".")) {
                packages.add(c.getPackageName().substring(ROOT.length() + 1));
            }
        }
        assertEquals(new TreeSet<>(MAY_USE.keySet()), packages);
    }

    /**
     * A package-info's "may use" clause (up to its first {@code ;} or full stop) names, as
     * {@code {@code X}}, the packages of {@link #MAY_USE}; one without such a clause and nothing
     * allowed says it uses nothing of the server.
     */
    @Test
    void eachPackageInfoSaysWhatItMayUse() throws IOException {
        Path sources = Path.of("src", "main", "java", "mpmbench", "server");
        for (var e : MAY_USE.entrySet()) {
            Path info = sources.resolve(e.getKey().replace('.', '/')).resolve("package-info.java");
            assertTrue(Files.exists(info), info + " is missing");
            String text = Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
            int at = text.toLowerCase(Locale.ROOT).indexOf("may use");
            if (at < 0) {
                if (e.getValue().isEmpty()) {
                    assertTrue(text.contains("nothing of the server"), info + " says neither what it may use nor "
                            + "that it uses nothing of the server");
                }
                continue;
            }
            String clause = text.substring(at).split(";|\\.\\s", 2)[0];
            Set<String> named = new TreeSet<>();
            Matcher m = Pattern.compile("\\{@code ([\\w.]+)\\}").matcher(clause);
            while (m.find()) {
                if (MAY_USE.containsKey(m.group(1))) {
                    named.add(m.group(1));
                }
            }
            Set<String> expected = new TreeSet<>();
            e.getValue().forEach(p -> expected.add(p.replace("..", "")));
            assertEquals(expected, named, info + ": " + clause);
        }
    }
}
