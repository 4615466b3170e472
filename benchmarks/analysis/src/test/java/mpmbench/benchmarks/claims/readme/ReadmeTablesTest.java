package mpmbench.benchmarks.claims.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * README's claims and ops tables are what {@code mpmbench tables} generates from the committed results
 * folders their markers name: this fails when a rule, a reference folder or the README changed without
 * the other (fix: {@code scripts/mpmbench tables}).
 */
class ReadmeTablesTest {

    /** The repository's root: the first folder up from here with README.md and results/. */
    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("results")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no README.md with results/ above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    @Test
    void readme_tables_are_what_the_committed_results_give() throws IOException {
        Path root = root();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> sections = ReadmeTables.sections(readme);
        // a claims table and an ops table at least, each naming a results folder that is there
        assertTrue(sections.stream().anyMatch(x -> x.startsWith("claims-table ")), sections.toString());
        assertTrue(sections.stream().anyMatch(x -> x.startsWith("ops-table ")), sections.toString());
        for (String x : sections) {
            assertTrue(Files.isRegularFile(root.resolve(x.substring(x.indexOf(' ') + 1)).resolve("summary.csv")), x);
        }
        assertEquals(readme, ReadmeTables.regenerate(readme, root),
                "README.md's generated tables differ from their results folders: run scripts/mpmbench tables");
    }

    @Test
    void a_stale_table_is_replaced_and_the_text_around_it_kept() throws IOException {
        String readme = "before\n<!-- ops-table: results/2026-12-05-kvm-2vcpu-ops -->\n| stale |\n<!-- /ops-table -->\nafter\n";
        String out = ReadmeTables.regenerate(readme, root());
        assertTrue(out.startsWith("before\n<!-- ops-table: results/2026-12-05-kvm-2vcpu-ops -->\n\n| target |"), out);
        assertTrue(out.endsWith("\n\n<!-- /ops-table -->\nafter\n"), out);
        assertTrue(!out.contains("stale"), out);
        assertTrue(out.contains("| java-prefork | 51 (err_timeout 51) | 6 (2 repeats) | **does not hold** |"), out);
        assertEquals(out, ReadmeTables.regenerate(out, root()), "regenerating twice changes nothing");
    }

    @Test
    void a_marker_naming_no_results_folder_fails() {
        String readme = "<!-- claims-table: results/no-such-run -->\n<!-- /claims-table -->\n";
        try {
            ReadmeTables.regenerate(readme, root());
            throw new AssertionError("expected an IOException");
        } catch (IOException e) {
            assertTrue(e.getMessage().contains("no-such-run"), e.getMessage());
        }
    }

    @Test
    void ratios_have_three_significant_digits_and_infinity_stays_inf() {
        assertEquals("10.8", ClaimsTable.sig("10.768"));
        assertEquals("0.087", ClaimsTable.sig("0.087"));
        assertEquals("1", ClaimsTable.sig("1.000"));
        assertEquals("inf", ClaimsTable.sig("inf"));
        assertEquals("-inf", ClaimsTable.sig("-inf"));
    }
}
