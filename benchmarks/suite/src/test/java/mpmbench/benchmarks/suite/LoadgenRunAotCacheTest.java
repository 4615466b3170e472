package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.catalogue.Level;
import mpmbench.benchmarks.catalogue.Scenarios;
import mpmbench.benchmarks.catalogue.SuiteKind;

/**
 * The suite starts every generator (the measured one and the idle-connection holder) from the generator's
 * AOT cache when a fresh one is beside the jar, and without it when it is stale ({@code GeneratorAotCache}).
 * A JDK and a jar of our own making stand in; nothing is run.
 */
class LoadgenRunAotCacheTest {

    @Test
    void aFreshCacheIsGivenToEveryGeneratorAndAStaleOneToNone(@TempDir Path root) throws IOException {
        Path jdk = Files.createDirectories(root.resolve("jdk/bin"));
        Files.writeString(root.resolve("jdk/release"), "JAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n");
        String java = Files.writeString(jdk.resolve("java"), "").toString();
        Path jar = Files.writeString(Files.createDirectories(root.resolve("loadgen/target")).resolve("mpmbench-loadgen.jar"), "");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Path cache = Files.writeString(jar.resolveSibling("mpmbench-loadgen.jar.25.0.3_9-LTS.aot"), "");
        SuitePlan plan = ParsedSuite.plan("quick", "--root", root.toString(), "--java", java);

        String aot = "-XX:AOTCache=" + cache + " -Xlog:aot=off -Xlog:cds=off -jar ";
        assertTrue(measured(plan).contains(aot), measured(plan));
        assertTrue(holder(plan).contains(aot), holder(plan));

        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(120)));
        assertFalse(measured(plan).contains("AOTCache"), measured(plan));
        assertFalse(holder(plan).contains("AOTCache"), holder(plan));
    }

    private static String measured(SuitePlan plan) {
        return String.join(" ", LoadgenRun.command(plan, "http://127.0.0.1:1/hello",
                Scenarios.byName(SuiteKind.QUICK, 2).get("hello"), new Level(16, 0, 0), Duration.ofSeconds(2),
                Path.of("j"), Path.of("h"), Path.of("l"), false));
    }

    private static String holder(SuitePlan plan) {
        List<String> cmd = LoadgenRun.holderCommand(plan, "http://127.0.0.1:1/hello", 300, Duration.ofSeconds(20), Path.of("i"));
        return String.join(" ", cmd);
    }
}
