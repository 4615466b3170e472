package mpmbench.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's ahead-of-time cache (JDK 25, JEP 483/514/515): the classes of a {@code load} run
 * loaded and linked ahead of time, with the method profiles of a training run, so that a short run spends
 * less of its CPU on the JVM's start (issue 26). How much it saves is measured in
 * {@code results/loadgen-2026-12-07-startup/}.
 *
 * <p><b>Made</b> once per jar and JDK by whoever starts a generator first: the launcher
 * ({@code scripts/lib/generator-jvm.sh}'s {@code generator_aot_opts}) or the suite before its first cell
 * ({@link #make}). The training run is {@code java OPTIONS -XX:AOTCacheOutput=FILE -jar JAR }{@value #TRAINING_ARG}:
 * the jar's own command line, started as users start it ({@code -jar}, so with the manifest's native access
 * and opened package), against a loopback responder of its own for about 2 s; the JVM then writes the cache.
 * <b>Stored</b> beside the jar as {@code JAR.JDKVERSION.aot} ({@link #path}), JDKVERSION being
 * {@code JAVA_RUNTIME_VERSION} of the JDK's {@code release} file. <b>Invalidated</b> when the jar changes (a
 * cache not newer than its jar is stale and made again) or the JDK does (another version looks for another
 * file; the JVM itself also refuses a cache of another jar or JDK). <b>Never fails a run</b>: a generator
 * whose cache is missing, stale or cannot be made starts without one ({@link #options} is then empty), and
 * the JVM's own warnings about a cache it refuses are turned off. The shell scripts have the same rule
 * ({@code generator_aot_cache}, {@code generator_aot_opts}); a test keeps them equal.
 *
 * <p>Threading: stateless; {@link #make} starts a process and waits for it. Two callers making the same cache
 * at once each write a temporary file of their own and move it into place.
 */
public final class GeneratorAotCache {

    /** The jar's argument that runs the training workload instead of a load (only as the whole command line). */
    public static final String TRAINING_ARG = "--aot-training";

    /** The JVM's messages about the cache: off, a refused cache costs the start-up, never a line of output. */
    static final List<String> QUIET = List.of("-Xlog:aot=off", "-Xlog:cds=off");

    private static final long TRAINING_TIMEOUT_S = 120;

    private GeneratorAotCache() {
    }

    /** Where the cache of {@code jar} for a JDK of {@code jdkVersion} is kept: beside the jar. */
    public static Path path(Path jar, String jdkVersion) {
        return jar.resolveSibling(jar.getFileName() + "." + jdkVersion.replaceAll("[^A-Za-z0-9._-]", "_") + ".aot");
    }

    /**
     * {@code JAVA_RUNTIME_VERSION} from the {@code release} file of the JDK whose launcher is {@code java}
     * (a path to {@code bin/java}, symbolic links followed), or null when there is none to read.
     */
    public static String jdkVersion(String java) {
        try {
            Path bin = Path.of(java).toRealPath().getParent();
            if (bin == null || bin.getParent() == null) {
                return null;
            }
            for (String line : Files.readAllLines(bin.getParent().resolve("release"))) {
                if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
                    String v = line.substring(line.indexOf('=') + 1).replace("\"", "").strip();
                    return v.isEmpty() ? null : v;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The cache of this JDK and jar when it exists and is newer than the jar; null otherwise. */
    public static Path fresh(String java, Path jar) {
        String v = jdkVersion(java);
        if (v == null) {
            return null;
        }
        Path cache = path(jar.toAbsolutePath(), v);
        try {
            return Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0 ? cache : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The options that start a generator JVM from its cache, after {@link GeneratorJvm#options}: the cache
     * and {@link #QUIET} when {@link #fresh}, else none (the generator starts as before).
     */
    public static List<String> options(String java, Path jar) {
        Path cache = fresh(java, jar);
        if (cache == null) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        all.add("-XX:AOTCache=" + cache);
        all.addAll(QUIET);
        return List.copyOf(all);
    }

    /**
     * Makes the cache when it is missing or stale. Returns {@code PATH present}, {@code PATH made in N ms}
     * or {@code none (why)}; {@code log} gets one line when a training run starts and one when it fails.
     */
    public static String make(String java, Path jar, PrintStream log) {
        String v = jdkVersion(java);
        if (v == null) {
            return "none (no release file in the JDK of " + java + ")";
        }
        Path abs = jar.toAbsolutePath();
        if (!Files.isRegularFile(abs) || !Files.isWritable(abs.getParent())) {
            return "none (" + abs + " is not a jar in a writable folder)";
        }
        Path cache = path(abs, v);
        if (fresh(java, abs) != null) {
            return cache + " present";
        }
        long t0 = System.nanoTime();
        String failure = train(java, abs, cache, log);
        if (failure != null) {
            log.println("mpmbench load: warning: no AOT cache for the generator (" + failure + "); it starts without one");
            return "none (" + failure + ")";
        }
        return cache + " made in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms";
    }

    /** Runs the training into a temporary file and moves it into place; returns why it failed, or null. */
    private static String train(String java, Path jar, Path cache, PrintStream log) {
        Path tmp = cache.resolveSibling(cache.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(GeneratorJvm.OPTIONS);
        cmd.add("-XX:AOTCacheOutput=" + tmp);
        cmd.addAll(QUIET);
        cmd.addAll(List.of("-jar", jar.toString(), TRAINING_ARG));
        log.println("mpmbench load: making the generator's AOT cache (once per build and JDK) ...");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(TRAINING_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "the training run took over " + TRAINING_TIMEOUT_S + " s";
            }
            if (p.exitValue() != 0 || !Files.exists(tmp)) {
                return "the training run failed, exit " + p.exitValue();
            }
            Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return null;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + ".config"));
            } catch (IOException ignored) {
                // a leftover temporary file beside the jar is harmless
            }
        }
    }
}
