package mpmbench.benchmarks.suite;

import static mpmbench.benchmarks.suite.ParsedSuite.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.benchmarks.catalogue.Design;
import mpmbench.benchmarks.catalogue.Scenario;

/** suite --baseline REF --duet: which cells run as a duet, the start order by round, the fixed warm-up, bad flags. */
class DuetPlanTest {

    @TempDir
    Path tmp;

    private Path builtTree() throws IOException {
        Path jar = tmp.resolve("base/server/target/mpmbench-server.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not really a jar");
        return tmp.resolve("base");
    }

    private static Scenario scenario(SuitePlan p, String name) {
        return p.scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static TargetSpec target(SuitePlan p, String name) {
        return p.targets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void ourModelsClosedModelCellsRunAsADuetStartedInTurnByRoundTheRestAsBefore() throws IOException {
        SuitePlan p = plan("quick", "--targets", "java-event,httpd-event", "--scenarios", "startup,hello,idle-keepalive,crash",
                "--repeats", "4", "--root", "/repo", "--baseline", builtTree().toString(), "--duet");
        assertTrue(p.duet());
        TargetSpec next = target(p, "java-event");
        TargetSpec base = target(p, "base:java-event");
        TargetSpec peer = target(p, "httpd-event");
        assertTrue(p.duetCell(scenario(p, "hello"), next));
        assertTrue(p.duetCell(scenario(p, "hello"), base));
        assertFalse(p.duetCell(scenario(p, "hello"), peer), "the peers run alone");
        for (String alone : List.of("startup", "idle-keepalive", "crash")) {
            assertFalse(p.duetCell(scenario(p, alone), next), alone);
        }
        // the start order alternates: java-X first in odd rounds, base:java-X first in even ones
        assertEquals(List.of(next, base), p.duetOrder(next, 1));
        assertEquals(List.of(base, next), p.duetOrder(next, 2));
        assertEquals(List.of(next, base), p.duetOrder(next, 3));
        assertEquals(List.of(base, next), p.duetOrder(next, 4));
        assertTrue(p.targetOrder().contains("duet"), p.targetOrder());
        // quick settles by default: a duet gets a fixed warm-up of at least 5 s instead, both generators the same
        assertEquals(SuitePlan.DUET_WARMUP, p.duetWarmup());
        assertTrue(p.forDuet().settleCap().isZero());
        assertEquals(SuitePlan.DUET_WARMUP, p.forDuet().warmup());
        assertEquals(p.duration(), p.forDuet().duration());
        // env.csv says which scenarios ran as a duet and why the others did not
        Map<String, String> env = new LinkedHashMap<>();
        DuetInstances.envRows(p).forEach(kv -> env.put(kv[0], kv[1]));
        assertEquals(Design.DUET, env.get(Design.KEY));
        assertEquals("hello", env.get(Design.DUET_SCENARIOS_KEY));
        String seq = env.get(Design.SEQUENTIAL_SCENARIOS_KEY);
        assertTrue(seq.contains("startup (") && seq.contains("idle-keepalive (") && seq.contains("crash ("), seq);
        assertEquals("5.0", env.get(Design.DUET_WARMUP_KEY));
    }

    @Test
    void withoutSettlingTheDuetTakesTheGivenWarmupAndWithoutDuetNothingIsADuet() throws IOException {
        SuitePlan fixed = plan("quick", "--targets", "java-event", "--scenarios", "hello", "--root", "/repo",
                "--baseline", builtTree().toString(), "--duet", "--settle-max", "0", "--warmup", "500ms");
        assertEquals(Duration.ofMillis(500), fixed.duetWarmup());
        SuitePlan abba = plan("quick", "--targets", "java-event", "--scenarios", "hello", "--root", "/repo",
                "--baseline", builtTree().toString());
        assertFalse(abba.duet());
        assertFalse(abba.duetCell(scenario(abba, "hello"), target(abba, "java-event")));
        assertEquals(List.of(List.of(Design.KEY, Design.SEQUENTIAL)),
                DuetInstances.envRows(abba).stream().map(kv -> List.of(kv[0], kv[1])).toList());
        SuitePlan none = plan("quick", "--targets", "java-event", "--scenarios", "hello", "--root", "/repo");
        assertEquals(List.of(), DuetInstances.envRows(none));
    }

    @Test
    void aDuetWithoutItsBaselineOrWithWhatItCannotShareIsOneLineNamingTheFlag() throws IOException {
        String base = builtTree().toString();
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("--duet"), "--duet runs the two builds of --baseline");
        cases.put(List.of("--duet", "--baseline", base, "--generator", "wrk"), "drop --generator wrk");
        cases.put(List.of("--duet", "--baseline", base, "--no-pin"), "no --no-pin");
        cases.forEach((flags, says) -> {
            List<String> args = new java.util.ArrayList<>(List.of("quick", "--targets", "java-event", "--root",
                    tmp.toString(), "--out", tmp.resolve("out").toString()));
            args.addAll(flags);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = SuiteMain.execute(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String text = err.toString(StandardCharsets.UTF_8).strip();
            assertEquals(2, code, text);
            assertEquals(1, text.lines().count(), text);
            assertTrue(text.startsWith("mpmbench suite: --duet") && text.contains(says), text);
        });
    }

    @Test
    void twoWindowsOverlapByTheTimeBothWereOpen() {
        assertEquals(90.0, DuetInstances.overlapPct(1_000, 2_000, 1_100, 2_100), 1e-9);
        assertEquals(100.0, DuetInstances.overlapPct(1_000, 2_000, 1_000, 2_000), 1e-9);
        assertEquals(0.0, DuetInstances.overlapPct(1_000, 2_000, 3_000, 4_000), 1e-9);
        assertTrue(Double.isNaN(DuetInstances.overlapPct(1_000, 2_000, 0, 4_000)), "a window not seen");
    }
}
