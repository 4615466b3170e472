package mpmbench.benchmarks.claims.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpmbench.benchmarks.claims.Claims;
import mpmbench.benchmarks.results.Cells;
import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.JmhResults;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.SequentialLooks;

/**
 * README's generated tables. A section is marked by the results folder it is generated from, relative
 * to the repository's root (README's folder):
 * <pre>
 * &lt;!-- claims-table: results/2026-12-06-kvm-2vcpu-full --&gt;
 * (generated: {@link ClaimsTable} of the folder's claims)
 * &lt;!-- /claims-table --&gt;
 * &lt;!-- ops-table: results/2026-12-05-kvm-2vcpu-ops --&gt;
 * (generated: {@link OpsTable})
 * &lt;!-- /ops-table --&gt;
 * </pre>
 * The claims are evaluated from the folder's summary.csv, jmh.csv and memory.csv with the current
 * rules (the same {@link Claims#evaluate} that writes claims.csv), not read from its claims.csv, so a
 * change of a rule shows in README as soon as the tables are regenerated, and the test that compares
 * README with this fails until they are. Text outside the markers is never touched.
 */
public final class ReadmeTables {

    private static final Pattern SECTION = Pattern.compile(
            "(<!-- (claims-table|ops-table): (\\S+) -->\\n)(.*?)(<!-- /\\2 -->)", Pattern.DOTALL);

    private ReadmeTables() {
    }

    /** README's text with every marked section regenerated from the folder it names under {@code root}. */
    public static String regenerate(String readme, Path root) throws IOException {
        Matcher m = SECTION.matcher(readme);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String table = table(m.group(2), root.resolve(m.group(3)));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "\n" + table + "\n" + m.group(5)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "claims-table results/…-full" for each marked section: what {@link #regenerate} rewrites. */
    public static List<String> sections(String readme) {
        Matcher m = SECTION.matcher(readme);
        List<String> s = new ArrayList<>();
        while (m.find()) {
            s.add(m.group(2) + " " + m.group(3));
        }
        return s;
    }

    static String table(String kind, Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve("summary.csv")) && !Files.isRegularFile(dir.resolve("jmh.csv"))) {
            throw new IOException(kind + ": no summary.csv (nor jmh.csv) in " + dir);
        }
        List<Row> summary = CsvTables.read(dir.resolve("summary.csv"));
        java.util.Map<String, String> env = new java.util.HashMap<>();
        CsvTables.read(dir.resolve("env.csv")).forEach(r -> env.put(r.text("key"), r.text("value")));
        List<Row> claims = Claims.evaluate(summary, JmhResults.read(dir.resolve("jmh.csv")),
                CsvTables.read(dir.resolve("memory.csv")), SequentialLooks.of(env));
        return kind.equals("claims-table") ? ClaimsTable.render(claims) : OpsTable.render(claims, new Cells(summary));
    }
}
