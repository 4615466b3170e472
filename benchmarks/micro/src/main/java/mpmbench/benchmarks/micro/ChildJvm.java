package mpmbench.benchmarks.micro;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import mpmbench.server.config.ConfigLoader;
import mpmbench.server.config.ModelCapacity;
import mpmbench.server.config.Mpm;
import mpmbench.server.config.ServerConfig;
import mpmbench.server.master.ChildArchive;
import mpmbench.server.master.ChildCommand;
import mpmbench.server.master.ListenSocket;
import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * Starts real server children the way the master does, so start-up and footprint are measured on the
 * real thing: the listening socket made with {@link ListenSocket#openAsStdin} (this JVM's fd 0 becomes
 * a loopback listening socket on a free port), a scoreboard file, and the command line of
 * {@link ChildCommand} (the java running this JVM, ChildJvmOptions' defaults, the AOT cache when
 * the class path is one jar, {@code mpmbench.server.child.ChildMain}). "Ready" is the moment the
 * child's scoreboard slot says {@link ProcessState#READY}, which the child writes after loading its
 * configuration, mapping the scoreboard and building its model, just before it accepts.
 *
 * <p>Replaces this JVM's stdin: use it only in a process of its own (a JMH fork, a main), never
 * inside a test runner that talks to its parent over stdin. One child at a time; not thread-safe.
 */
final class ChildJvm implements AutoCloseable {

    private static boolean listening;

    private final SharedScoreboard board;
    private final List<String> command;
    private Process child;

    ChildJvm(Mpm mpm) throws IOException {
        synchronized (ChildJvm.class) {
            if (!listening) {
                ListenSocket.openAsStdin("127.0.0.1", 0, 64);
                listening = true;
            }
        }
        ServerConfig config = ConfigLoader.forModel(mpm).load().config();
        long pid = ProcessHandle.current().pid();
        Path file = Files.createTempFile(Path.of(Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm" : "/tmp"),
                "mpmbench-micro-", ".scoreboard");
        board = SharedScoreboard.create(file, 1, ModelCapacity.of(config).workersPerChild(), mpm.ordinal(), pid);
        // The same AOT cache the master gives its children (made once per jar and flags).
        List<String> cache = ChildArchive.prepare(ChildCommand.java(), config.childJvmOptions(),
                ChildCommand.classPath(), System.err);
        command = new ChildCommand(config, ConfigLoader.toSetArguments(config), cache, file, pid).forSlot(0, 1);
    }

    /** Starts the child in slot 0 and returns once it is ready (or throws if it died first). */
    Process startToReady() throws IOException {
        board.claimProcess(0, 0, 1);
        child = new ProcessBuilder(command)
                .redirectInput(Redirect.INHERIT)
                .redirectOutput(Redirect.DISCARD)
                .redirectError(Redirect.INHERIT)
                .start();
        board.setPid(0, child.pid());
        while (board.processState(0) != ProcessState.READY) {
            if (!child.isAlive()) {
                throw new IOException("child exited with " + child.exitValue() + " before ready: " + command);
            }
            LockSupport.parkNanos(20_000);
        }
        return child;
    }

    /**
     * Stops the running child, if any, with SIGTERM and waits for it (SIGKILL after 10 s), as the
     * master stops its children.
     */
    void stopChild() throws InterruptedException {
        if (child != null) {
            child.destroy();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
            child = null;
            board.releaseProcess(0);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stopChild();
        board.delete();
    }
}
