package mpmbench.server.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mpmbench.server.master.ChildArchive;
import mpmbench.server.master.ChildCommand;

/**
 * {@code serve --make-aot-cache}: the children's AOT cache made ahead of a start, so that no measured
 * start includes the one-time training run the later ones skip (issue 19: a first java-prefork start
 * of 3.2 s against about 1.6 s). The suite calls it once per target before its first cell and records
 * the line in env.csv.
 */
final class AotCacheLine {

    private AotCacheLine() {
    }

    /**
     * Makes the cache when it is missing; returns {@code PATH present}, {@code PATH made in N ms} or
     * {@code none} (no single writable jar, or the training run failed: {@code log} says which).
     */
    static String make(List<String> childJvmOptions, PrintStream log) {
        Path path = ChildArchive.cachePath(childJvmOptions, ChildCommand.classPath());
        if (path == null) {
            return "none (the server does not run from one writable jar)";
        }
        boolean present = Files.exists(path);
        long t0 = System.nanoTime();
        List<String> options = ChildArchive.prepare(ChildCommand.java(), childJvmOptions, ChildCommand.classPath(),
                log);
        if (options.isEmpty()) {
            return "none (the training run failed)";
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        return path + (present ? " present" : " made in " + ms + " ms");
    }
}
