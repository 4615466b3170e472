package mpmbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.loadgen.engine.TestServer;

/**
 * The generator's AOT cache made from the packaged jar by its real training run, used by a run (the I/O
 * loop's classes come from it), and a run that is given a stale cache still works and says so in its JSON
 * ({@code aot_cache}: {@code refused PATH}) without a line about it. Runs after {@code package}
 * ({@code mvn verify}; failsafe's {@code aot-cache-it} execution), on a copy of the jar in a temporary
 * folder; about 10 s of CPU, most of it the training run and the JVM writing the cache, and three 2 s runs.
 */
class GeneratorAotCacheIT {

    private static final Path JAR = Path.of(System.getProperty("aot.jar", "target/mpmbench-loadgen.jar"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Pattern AOT_CACHE = Pattern.compile("\"aot_cache\"\\s*:\\s*\"([^\"]*)\"");

    @Test
    void madeOnceUsedByARunAndAStaleOneCostsNothingButItsUse(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(JAR, dir.resolve("mpmbench-loadgen.jar"));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String made = GeneratorAotCache.make(JAVA, jar, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(made.matches(".*\\.aot made in \\d+ ms"), made + "; " + log);
        assertTrue(GeneratorAotCache.make(JAVA, jar, System.err).endsWith(" present"));
        List<String> options = GeneratorAotCache.options(JAVA, jar);
        Path cache = Path.of(options.getFirst().substring("-XX:AOTCache=".length()));

        try (TestServer server = TestServer.answering(TestServer.HELLO)) {
            String url = server.url("/hello");
            Path classes = dir.resolve("classes.log");
            List<String> used = new ArrayList<>(options);
            used.add("-Xlog:class+load=info:file=" + classes);
            Run run = load(jar, used, url, dir.resolve("used.json"));
            assertEquals(0, run.exit, run.output);
            assertEquals(cache.toString(), run.aotCache);
            String loop = Files.readAllLines(classes).stream()
                    .filter(l -> l.contains("mpmbench.loadgen.engine.SingleThreadSelectorLoop ")).findFirst().orElseThrow();
            assertTrue(loop.contains("shared objects file"), "the loop's class from the cache: " + loop);

            // the jar changes: the cache is stale, left unused by the launcher's rule and refused by the JVM
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
            assertEquals(List.of(), GeneratorAotCache.options(JAVA, jar));
            Run stale = load(jar, options, url, dir.resolve("stale.json"));
            assertEquals(0, stale.exit, stale.output);
            assertEquals("refused " + cache, stale.aotCache);
            assertFalse(stale.output.contains("AOT") || stale.output.contains("[warning]"), stale.output);

            Run none = load(jar, List.of(), url, dir.resolve("none.json"));
            assertEquals(0, none.exit, none.output);
            assertEquals("none", none.aotCache);
        }
    }

    private record Run(int exit, String output, String aotCache) {
    }

    private static Run load(Path jar, List<String> aot, String url, Path json) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(GeneratorJvm.OPTIONS);
        cmd.addAll(aot);
        cmd.addAll(List.of("-jar", jar.toString(), "-t1", "-c2", "-d2s", "--json", json.toString(), url));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ended");
        String field = null;
        if (Files.exists(json)) {
            Matcher m = AOT_CACHE.matcher(Files.readString(json));
            field = m.find() ? m.group(1) : null;
        }
        return new Run(p.exitValue(), out, field);
    }
}
