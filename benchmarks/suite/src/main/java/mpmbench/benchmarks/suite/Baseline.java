package mpmbench.benchmarks.suite;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The base build of {@code suite --baseline REF}: the server models of another revision, run as
 * targets {@code base:java-MODEL} in the same rounds as this build's {@code java-MODEL} (see
 * {@link SuitePlan#targetsInRound}), so that {@code mpmbench compare DIR} judges the two paired by round.
 * REF is either a built tree (a folder holding {@code server/target/mpmbench-server.jar}) or a git
 * revision of the repository: that one is exported ({@code git archive}, no worktree is registered)
 * into {@code <tmp>/mpmbench-base-<commit>} and built there with Maven ({@code -o} first, then online),
 * once: a later run of the same commit reuses the jar. The peers need no baseline (the same binaries).
 *
 * @param ref    as given on the command line
 * @param root   the base build's repository root (its jar is {@code server/target/mpmbench-server.jar})
 * @param commit the revision's full hash; empty for a built tree
 * @param duet   {@code --duet}: the duet scenarios ({@link mpmbench.benchmarks.catalogue.Design#duet}) run both
 *               builds at the same time on one core ({@link DuetInstances}), the others in ABBA rounds
 */
public record Baseline(String ref, Path root, String commit, boolean duet) {

    /** The base build of a run without {@code --duet}: both builds one after the other in every round. */
    public Baseline(String ref, Path root, String commit) {
        this(ref, root, commit, false);
    }

    /** This base build, measured beside ours as a duet ({@code --duet}). */
    public Baseline inDuet() {
        return new Baseline(ref, root, commit, true);
    }

    /** The prefix of a base build's target names: {@code base:java-event}. */
    public static final String PREFIX = mpmbench.benchmarks.catalogue.Targets.BASE_PREFIX;
    private static final long BUILD_TIMEOUT_MIN = 30;

    /** The base build's server jar. */
    public Path serverJar() {
        return root.resolve("server/target/mpmbench-server.jar");
    }

    /**
     * Reads {@code --baseline REF} without building anything: a folder must hold a built server jar, anything else
     * must name a commit of {@code repo}. Throws IllegalArgumentException (one line naming the flag) otherwise.
     */
    public static Baseline parse(String ref, Path repo, Path tmp) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("--baseline needs a git revision or a built tree (a folder with "
                    + "server/target/mpmbench-server.jar)");
        }
        Path dir = Path.of(ref);
        if (Files.isDirectory(dir)) {
            Baseline b = new Baseline(ref, dir.toAbsolutePath().normalize(), "");
            if (!Files.isRegularFile(b.serverJar())) {
                throw new IllegalArgumentException("--baseline " + ref + ": a folder must be a built tree with "
                        + "server/target/mpmbench-server.jar (build it: mvn -B -DskipTests -pl server -am package)");
            }
            return b;
        }
        String commit = git(repo, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        if (commit == null || !commit.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("--baseline '" + ref + "' is neither a built tree (a folder with "
                    + "server/target/mpmbench-server.jar) nor a git revision of " + repo);
        }
        return new Baseline(ref, tmp.resolve("mpmbench-base-" + commit.substring(0, 12)), commit);
    }

    /** Exports and builds a revision unless its jar is there already; says what it did on {@code err}. */
    public void ensureBuilt(Path repo, String java, PrintStream err) throws IOException, InterruptedException {
        if (Files.isRegularFile(serverJar())) {
            err.println("mpmbench suite: base build " + ref + " -> " + serverJar() + " (there already)");
            return;
        }
        if (commit.isEmpty()) {
            throw new IOException("--baseline " + ref + ": " + serverJar() + " is gone");
        }
        Path fresh = Files.createTempDirectory(root.getParent(), root.getFileName() + ".part-");
        err.println("mpmbench suite: exporting " + ref + " (" + commit.substring(0, 12) + ") into " + fresh + " and building it");
        Path tar = fresh.resolve("src.tar");
        run(repo, List.of("git", "archive", "--format=tar", "-o", tar.toString(), commit), fresh.resolve("export.log"));
        run(fresh, List.of("tar", "-xf", tar.toString()), fresh.resolve("export.log"));
        Files.delete(tar);
        Path bin = Path.of(java).toAbsolutePath().getParent(); // JAVA_HOME/bin/java: Maven builds with that JDK
        Path javaHome = bin != null && bin.getParent() != null && bin.getFileName().toString().equals("bin")
                ? bin.getParent() : null;
        List<String> mvn = List.of("mvn", "-B", "-q", "-DskipTests", "-pl", "server", "-am", "package");
        List<String> offline = new ArrayList<>(mvn);
        offline.add(1, "-o");
        if (!build(fresh, offline, javaHome) && !build(fresh, mvn, javaHome)) {
            throw new IOException("--baseline " + ref + ": the build failed, see " + fresh.resolve("build.log"));
        }
        Files.move(fresh, root); // atomically complete: a half-built export never passes as built
        err.println("mpmbench suite: base build " + ref + " -> " + serverJar());
    }

    private static boolean build(Path dir, List<String> cmd, Path javaHome) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("build.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (javaHome != null) {
            pb.environment().put("JAVA_HOME", javaHome.toString());
        }
        Process p = pb.start();
        if (!p.waitFor(BUILD_TIMEOUT_MIN, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0 && Files.isRegularFile(dir.resolve("server/target/mpmbench-server.jar"));
    }

    private static void run(Path dir, List<String> cmd, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed, see " + log);
        }
    }

    /** The output of a git command in {@code repo}, or null when it fails. */
    private static String git(Path repo, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
