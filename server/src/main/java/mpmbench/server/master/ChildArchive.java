package mpmbench.server.master;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ahead-of-time cache children start from (JDK 25, JEP 483/514): made once per server jar and
 * child JVM flags by a training run ({@code mpmbench.server.child.ChildTraining} under
 * {@code -XX:AOTCacheOutput}), kept next to the jar, and mapped by every child. It loads and links
 * the server's classes ahead of time, the largest part of a child's start, and its pages are shared
 * between children, which lowers their PSS.
 *
 * <p>Only a server run from one jar gets a cache (tests run from class folders and go without).
 * A training run that fails costs a warning, never the start.
 */
public final class ChildArchive {

    private static final String TRAINING_MAIN = "mpmbench.server.child.ChildTraining";
    private static final long TRAINING_TIMEOUT_S = 120;

    private ChildArchive() {
    }

    /**
     * The JVM options that make a child use the cache, creating the cache first when it is missing;
     * empty when the server does not run from a single writable jar or the training run failed.
     */
    public static List<String> prepare(String java, List<String> jvmOptions, String classPath, PrintStream log) {
        Path cache = cachePath(jvmOptions, classPath);
        if (cache == null) {
            return List.of();
        }
        if (!Files.exists(cache) && !train(java, jvmOptions, classPath, cache, log)) {
            return List.of();
        }
        // Quiet: a cache the JVM cannot use is reported by the start-up time, not by every child.
        return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
    }

    /** Where the cache for this jar and these flags lives, or null when there is none to have. */
    public static Path cachePath(List<String> jvmOptions, String classPath) {
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        if (!Files.isRegularFile(jar) || !Files.isWritable(jar.getParent())) {
            return null;
        }
        try {
            String key = jvmOptions + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
            return jar.resolveSibling(jar.getFileName() + "." + Integer.toHexString(key.hashCode()) + ".aot");
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean train(String java, List<String> jvmOptions, String classPath, Path cache, PrintStream log) {
        Path tmp = cache.resolveSibling(cache.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.add("-XX:AOTCacheOutput=" + tmp);
        cmd.add("--enable-native-access=ALL-UNNAMED"); // as the children run (ChildCommand)
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(TRAINING_MAIN);
        log.println("mpmbench serve: making the children's AOT cache (once per build) ...");
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(TRAINING_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.println("mpmbench serve: warning: the AOT training run took over " + TRAINING_TIMEOUT_S
                        + " s; children start without a cache");
                return false;
            }
            if (p.exitValue() != 0 || !Files.exists(tmp)) {
                log.println("mpmbench serve: warning: the AOT training run failed (exit " + p.exitValue()
                        + "); children start without a cache");
                return false;
            }
            Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.printf("mpmbench serve: AOT cache %s made in %d ms%n", cache.getFileName(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return true;
        } catch (IOException e) {
            log.println("mpmbench serve: warning: no AOT cache: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + ".config"));
            } catch (IOException ignored) {
                // A leftover temporary file in target/ is harmless.
            }
        }
    }
}
