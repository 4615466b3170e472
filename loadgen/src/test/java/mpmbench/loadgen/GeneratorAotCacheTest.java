package mpmbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's AOT cache rule, in Java and in the shell scripts alike: where the cache is, when it is
 * used, and that a missing, stale or unmakeable cache leaves a run without options rather than failing it.
 * A JDK of our own making stands in (a release file, and a {@code bin/java} that fails as a broken training
 * run would); the real cache made from the real jar is {@link GeneratorAotCacheIT}'s.
 */
class GeneratorAotCacheTest {

    private static final Path LIB = Path.of("..", "scripts", "lib", "generator-jvm.sh").toAbsolutePath();

    @TempDir
    Path dir;
    private Path jdk;
    private String java;
    private Path jar;

    @BeforeEach
    void aJdkAndAJar() throws IOException {
        jdk = Files.createDirectories(dir.resolve("jdk"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\nJAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n");
        Path bin = Files.createDirectories(jdk.resolve("bin"));
        java = Files.writeString(bin.resolve("java"), "#!/bin/sh\nexit 1\n").toString();
        Files.setPosixFilePermissions(Path.of(java), PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = Files.writeString(Files.createDirectories(dir.resolve("target")).resolve("mpmbench-loadgen.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void theCacheIsBesideTheJarNamedForTheJdk() {
        assertEquals("25.0.3+9-LTS", GeneratorAotCache.jdkVersion(java));
        assertEquals(jar.resolveSibling("mpmbench-loadgen.jar.25.0.3_9-LTS.aot"), GeneratorAotCache.path(jar, "25.0.3+9-LTS"));
        assertEquals(null, GeneratorAotCache.jdkVersion(dir.resolve("nojdk/bin/java").toString()));
    }

    @Test
    void theScriptsNameTheSameFile() throws Exception {
        assertEquals(GeneratorAotCache.path(jar, GeneratorAotCache.jdkVersion(java)).toString(),
                bash("generator_aot_cache " + jdk + " " + jar).strip());
    }

    @Test
    void aCacheNewerThanItsJarIsUsedByJavaAndByTheScripts() throws Exception {
        Path cache = Files.writeString(GeneratorAotCache.path(jar, "25.0.3+9-LTS"), "cache");
        List<String> expected = List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
        assertEquals(expected, GeneratorAotCache.options(java, jar));
        assertEquals(String.join("\n", expected), bash("generator_aot_opts " + jdk + " " + jar).strip());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertEquals(cache + " present", GeneratorAotCache.make(java, jar, new PrintStream(log, true, StandardCharsets.UTF_8)));
        assertEquals("", log.toString(StandardCharsets.UTF_8), "no training run");
    }

    @Test
    void aStaleOrMissingCacheIsNotUsedAndAFailedTrainingLeavesTheRunWithoutOne() throws Exception {
        assertEquals(List.of(), GeneratorAotCache.options(java, jar), "missing");
        Path cache = Files.writeString(GeneratorAotCache.path(jar, "25.0.3+9-LTS"), "cache");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(120))); // the jar changed since
        assertEquals(List.of(), GeneratorAotCache.options(java, jar), "stale");
        // the stand-in java fails as a broken training run would: no options, a warning, no failure
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertEquals("none (the training run failed, exit 1)",
                GeneratorAotCache.make(java, jar, new PrintStream(log, true, StandardCharsets.UTF_8)));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("warning: no AOT cache for the generator"), log.toString());
        assertEquals("", bash("generator_aot_opts " + jdk + " " + jar + " 2>/dev/null").strip());
        assertEquals(List.of("mpmbench-loadgen.jar", "mpmbench-loadgen.jar.25.0.3_9-LTS.aot"), besideTheJar(),
                "no temporary file is left");
    }

    private List<String> besideTheJar() throws IOException {
        try (var files = Files.list(jar.getParent())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String bash(String call) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", ". " + LIB + " && " + call)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
