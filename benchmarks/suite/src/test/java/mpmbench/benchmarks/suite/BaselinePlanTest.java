package mpmbench.benchmarks.suite;

import static mpmbench.benchmarks.suite.ParsedSuite.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** suite --baseline: base:java-X targets beside their java-X, ABBA rounds, the base jar, bad REFs refused. */
class BaselinePlanTest {

    @TempDir
    Path tmp;

    private Path builtTree() throws IOException {
        Path jar = tmp.resolve("base/server/target/mpmbench-server.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not really a jar");
        return tmp.resolve("base");
    }

    @Test
    void aBuiltTreeAddsBaseTargetsBesideTheJavaOnesAndAlternatesTheOrder() throws IOException {
        Path base = builtTree();
        SuitePlan p = plan("quick", "--targets", "java-event,httpd-event,java-worker", "--scenarios", "hello",
                "--repeats", "4", "--root", "/repo", "--baseline", base.toString(),
                "--set", "base:java-event:MpmbenchPlantCpu=7", "--set", "java-event:MpmbenchPlantCpu=9");
        assertEquals(List.of("java-event", "base:java-event", "httpd-event", "java-worker", "base:java-worker"),
                names(p.targets()));
        assertEquals(List.of("base:java-worker", "java-worker", "httpd-event", "base:java-event", "java-event"),
                names(p.targetsInRound(2)));
        assertEquals(names(p.targets()), names(p.targetsInRound(3)));
        // cells follow the rounds' order: round 2 reversed
        List<String> round2 = p.cells().stream().filter(c -> c.repeat() == 2).map(c -> c.target().name()).distinct().toList();
        assertEquals(names(p.targetsInRound(2)), round2);
        TargetSpec baseEvent = p.targets().get(1);
        assertTrue(baseEvent.base());
        assertEquals(base.resolve("server/target/mpmbench-server.jar"), p.serverJar(baseEvent));
        assertEquals(Path.of("/repo/server/target/mpmbench-server.jar"), p.serverJar(p.targets().get(0)));
        assertEquals("base_java-event", p.cells().get(1).id().substring(6, 21));
        // a prefixed --set reaches its own build only
        TargetLauncher l = new TargetLauncher(p);
        assertEquals("7", l.directives(baseEvent).get("MpmbenchPlantCpu"));
        assertEquals("9", l.directives(p.targets().get(0)).get("MpmbenchPlantCpu"));
        assertEquals(null, l.directives(p.targets().get(4)).get("MpmbenchPlantCpu"));
        assertTrue(p.targetOrder().startsWith("ABBA"));
    }

    @Test
    void withoutABaselineEveryRoundRunsTheListedOrder() {
        SuitePlan p = plan("quick", "--targets", "java-event,httpd-event", "--root", "/repo");
        assertEquals(names(p.targets()), names(p.targetsInRound(2)));
        assertEquals("as listed in every round", p.targetOrder());
    }

    @Test
    void aGitRevisionIsResolvedToItsCommitAndBuildsIntoTmp() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("f"), "x");
        git(repo, "add", "f");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one");
        Baseline b = Baseline.parse("HEAD", repo, tmp);
        assertTrue(b.commit().matches("[0-9a-f]{40}"), b.commit());
        assertEquals(tmp.resolve("mpmbench-base-" + b.commit().substring(0, 12)), b.root());
        // built before: the jar is reused, nothing is exported again
        Files.createDirectories(b.serverJar().getParent());
        Files.writeString(b.serverJar(), "jar");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        b.ensureBuilt(repo, "/jdk/bin/java", new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("(there already)"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badBaselinesAreOneLineNamingTheFlag() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        Map<String, String> cases = Map.of(
                tmp.resolve("empty").toString(), "a folder must be a built tree with server/target/mpmbench-server.jar",
                "no-such-revision-xyz", "is neither a built tree");
        cases.forEach((ref, says) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> plan("quick", "--targets", "java-event", "--root", tmp.toString(), "--baseline", ref));
            assertTrue(e.getMessage().startsWith("--baseline") && e.getMessage().contains(says), e.getMessage());
        });
        Path base = builtTree();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan("quick", "--targets", "nginx", "--root", "/repo", "--baseline", base.toString()));
        assertTrue(e.getMessage().startsWith("--baseline compares our server's models"), e.getMessage());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SuiteMain.execute(new String[] {"quick", "--targets", "java-event", "--root", tmp.toString(),
                "--baseline", "no-such-revision-xyz"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals(1, err.toString(StandardCharsets.UTF_8).strip().lines().count(), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> names(List<TargetSpec> targets) {
        return targets.stream().map(TargetSpec::name).toList();
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        assertEquals(0, new ProcessBuilder(cmd).inheritIO().start().waitFor());
    }
}
