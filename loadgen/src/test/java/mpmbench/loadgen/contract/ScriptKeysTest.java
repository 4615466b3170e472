package mpmbench.loadgen.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scripts that read the generator's result ({@code --json} or {@code --csv}) read it by keys the
 * generator writes ({@link ResultKey}): a renamed or mistyped key fails here, not in a measurement
 * hours later. Each script reads through its own small accessors, recognised below: a key is the
 * accessor's field argument. A script that reads the result another way must be added here.
 */
class ScriptKeysTest {

    private static final Path SCRIPTS = Path.of("..", "scripts");

    /** How each script reads a key: the first group of each pattern is the key. */
    private static final List<Pattern> ACCESSORS = List.of(
            // measure-agents: field FILE NAME (its flat JSON)
            Pattern.compile("\\$\\(field \"[^\"]*\" ([a-z][a-z0-9_]*)\\)"),
            // measure-loadgen: csv_field FILE COLUMN, field_stat PATTERN FIELD SCALE STAT
            Pattern.compile("\\b(?:csv_field|field_stat) \"[^\"]*\" \"?([a-z][a-z0-9_]*)\"?"),
            // measure-ops (python): r["key"], k in ("key", ...), k.startswith("prefix")
            Pattern.compile("\\[\"([a-z][a-z0-9_]*)\"\\]"));
    private static final Pattern PY_TUPLE = Pattern.compile("\\bk in \\(([^)]*)\\)");
    private static final Pattern PY_PREFIX = Pattern.compile("\\.startswith\\(\"([a-z0-9_]+)\"\\)");
    /** measure-loadgen: {@code for k in KEY ...; do ... csv_field FILE "$k" ...} */
    private static final Pattern FOR_KEYS = Pattern.compile("for (\\w+) in ([a-z0-9_ \\\\\\n]+?); do(.*?)\\bdone\\b",
            Pattern.DOTALL);

    static Set<String> keysRead(String script) {
        Set<String> keys = new TreeSet<>();
        for (Pattern p : ACCESSORS) {
            Matcher m = p.matcher(script);
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        Matcher t = PY_TUPLE.matcher(script);
        while (t.find()) {
            Matcher q = Pattern.compile("\"([a-z0-9_]+)\"").matcher(t.group(1));
            while (q.find()) {
                keys.add(q.group(1));
            }
        }
        Matcher f = FOR_KEYS.matcher(script);
        while (f.find()) {
            if (f.group(3).matches("(?s).*\\bcsv_field \"[^\"]*\" \"\\$" + f.group(1) + "\".*")) {
                for (String k : f.group(2).replace("\\", " ").trim().split("\\s+")) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    static Set<String> prefixesRead(String script) {
        Set<String> prefixes = new TreeSet<>();
        Matcher m = PY_PREFIX.matcher(script);
        while (m.find()) {
            prefixes.add(m.group(1));
        }
        return prefixes;
    }

    /** The scripts that read the result, and at least how many distinct keys each reads (so a changed accessor is seen). */
    @ParameterizedTest
    @CsvSource({"measure-agents, 7", "measure-loadgen, 15", "measure-ops, 4"})
    void aScriptReadsOnlyKeysTheGeneratorWrites(String name, int atLeast) throws IOException {
        String script = Files.readString(SCRIPTS.resolve(name));
        Set<String> keys = keysRead(script);
        assertTrue(keys.size() >= atLeast, name + ": found only " + keys + ": did its accessors change?");
        Set<String> unknown = keys.stream().filter(k -> ResultKey.of(k).isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unknown, name + " reads keys the generator does not write (ResultKey)");
        for (String prefix : prefixesRead(script)) {
            assertTrue(Stream.of(ResultKey.values()).anyMatch(k -> k.key().startsWith(prefix)), name + ": no key starts with " + prefix);
        }
    }

    @Test
    void theCheckSeesAMistypedKey() {
        assertEquals(Set.of("p99ms", "rps"), keysRead("echo \"$(field \"$2\" p99ms)\" \"$(field \"$2\" rps)\""));
        assertEquals(Set.of("idle_held", "idle_helt"), keysRead(
                "for k in idle_held \\\n    idle_helt; do\n  v=$(csv_field \"$OUT/idle.csv\" \"$k\")\ndone\n"));
        assertEquals(Set.of("requests", "unsent"), keysRead("print(r[\"requests\"]) if k in (\"unsent\")"));
    }

    @Test
    void everyScriptThatReadsTheResultIsChecked() throws IOException {
        List<String> readers = new ArrayList<>();
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String s = Files.readString(p);
                if (s.contains("load") && (s.contains("--json") || s.contains("--csv")) && !keysRead(s).isEmpty()) {
                    readers.add(p.getFileName().toString());
                }
            }
        }
        assertEquals(List.of("measure-agents", "measure-loadgen", "measure-ops"), readers);
    }
}
