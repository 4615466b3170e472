package mpmbench.testkit;

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

import org.junit.jupiter.api.DynamicTest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The package rules of one module, written once for every module's test: a table of what each
 * package may use, checked three ways. {@link #usesOnlyWhatItMay()}: the compiled classes (ArchUnit)
 * depend on no package of the project outside the table; {@link #namesEveryPackage()}: the table
 * has a row for every package that has classes; {@link #packageInfosSayTheSame()}: each
 * {@code package-info.java}'s "may use" clause names the same packages.
 *
 * <p>Names are relative to the module's root package ({@code ""} is the root itself). In the table,
 * {@code X} allows that package alone and {@code X..} it and every package below it; a package's own
 * subpackages are not itself ({@code http.request} never uses {@code http} unless its row says so).
 * The clause is read from "May use" (else the first "may use" in any case) to its first {@code ;} or full stop: it names a
 * package as {@code {@code X}}, the root as "the root package", all the others as "every other
 * package". A package without the clause and without an allowed package must say it uses
 * "nothing of" the project's other packages (or "no other package"). Not thread-safe; one per test class.
 */
public final class PackageRules {

    private static final Pattern CODE = Pattern.compile("\\{@code ([\\w.]+)\\}");

    private final String root;
    private final List<Path> sources;
    private final Map<String, Set<String>> mayUse;
    private final JavaClasses classes;

    /**
     * @param root    the root package, e.g. {@code mpmbench.server}
     * @param mayUse  package → what it may use, as the class says
     * @param sources the folders of the root package's sources, relative to the test's working
     *                directory (the module), e.g. {@code src/main/java/mpmbench/server}: a package-info
     *                is looked for in each, and the classes Maven compiled from each module
     *                ({@code target/classes} beside its {@code src}) are the ones checked
     */
    public PackageRules(String root, Map<String, Set<String>> mayUse, Path... sources) {
        this.root = root;
        this.sources = List.of(sources);
        this.mayUse = mayUse;
        this.classes = new ClassFileImporter().importPaths(this.sources.stream().map(s -> compiled(s, root)).toList());
    }

    /**
     * The three checks as JUnit tests, for a module's test class:
     * {@code @TestFactory List<DynamicTest> packageRules() { return RULES.tests(); }}.
     */
    public List<DynamicTest> tests() {
        return List.of(DynamicTest.dynamicTest("each package uses only what it may", this::usesOnlyWhatItMay),
                DynamicTest.dynamicTest("the table names every package", this::namesEveryPackage),
                DynamicTest.dynamicTest("each package-info says what it may use", this::packageInfosSayTheSame));
    }

    /** Fails (ArchUnit's violation list) when a package uses a package of the root its row does not allow. */
    public void usesOnlyWhatItMay() {
        for (var e : mayUse.entrySet()) {
            List<String> allowed = new ArrayList<>(List.of(qualified(e.getKey())));
            e.getValue().forEach(p -> allowed.add(qualified(p)));
            classes().that().resideInAPackage(qualified(e.getKey()))
                    .should().onlyDependOnClassesThat(resideInAnyPackage(allowed.toArray(String[]::new))
                            .or(not(resideInAPackage(root + ".."))))
                    .because("package-info.java of " + display(e.getKey()) + " says what it may use")
                    .check(classes);
        }
    }

    /** Fails when a package with classes has no row, or a row names a package without classes. */
    public void namesEveryPackage() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : classes) {
            String p = c.getPackageName();
            if (c.getSimpleName().equals("package-info")) {
                continue; // a package's description, not a class of it
            }
            if (p.equals(root)) {
                packages.add("");
            } else if (p.startsWith(root + ".")) {
                packages.add(p.substring(root.length() + 1));
            }
        }
        assertEquals(packages, new TreeSet<>(mayUse.keySet()), "packages with classes vs the table's rows");
    }

    /** Fails when a package-info is missing, or its clause names other packages than its row. */
    public void packageInfosSayTheSame() throws IOException {
        for (var e : mayUse.entrySet()) {
            String folder = e.getKey().replace('.', '/');
            Path info = sources.stream().map(s -> (folder.isEmpty() ? s : s.resolve(folder)).resolve("package-info.java"))
                    .filter(Files::exists).findFirst().orElse(null);
            assertTrue(info != null, "package-info.java of " + display(e.getKey()) + " is missing under " + sources);
            String text = Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
            int at = text.indexOf("May use");
            if (at < 0) {
                at = text.toLowerCase(Locale.ROOT).indexOf("may use");
            }
            if (at < 0) {
                assertTrue(!e.getValue().isEmpty() || text.contains("nothing of") || text.contains("no other package"),
                        info + " says neither what it may use nor that it uses no other package");
                continue;
            }
            String clause = text.substring(at).split(";|\\.\\s", 2)[0];
            Set<String> named = new TreeSet<>();
            if (clause.contains("the root package")) {
                named.add("");
            }
            if (clause.contains("every other package")) {
                named.addAll(mayUse.keySet());
                named.remove(e.getKey());
            }
            Matcher m = CODE.matcher(clause);
            while (m.find()) {
                if (mayUse.containsKey(m.group(1))) {
                    named.add(m.group(1));
                }
            }
            Set<String> expected = new TreeSet<>();
            e.getValue().forEach(p -> expected.add(p.endsWith("..") ? p.substring(0, p.length() - 2) : p));
            assertEquals(expected, named, info + ": " + clause);
        }
    }

    /** {@code <module>/target/classes} for {@code <module>/src/main/java/<root as folders>}. */
    private static Path compiled(Path sources, String root) {
        Path module = sources.toAbsolutePath().normalize();
        for (int i = 0; i < 3 + root.split("\\.").length; i++) {
            module = module.getParent();
        }
        return module.resolve("target").resolve("classes");
    }

    private String qualified(String p) {
        return p.isEmpty() ? root : root + "." + p;
    }

    private String display(String p) {
        return p.isEmpty() ? "the root package " + root : p;
    }
}
