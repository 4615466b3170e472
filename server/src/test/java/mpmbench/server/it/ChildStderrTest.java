package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import mpmbench.server.config.Mpm;

/**
 * A child keeps its stdout and stderr after its stop began: closing the listening socket it
 * inherited as stdin made the JDK point fds 0-2 at /dev/null, and every later message was lost.
 * One child, a keep-alive connection that holds it in its graceful stop, then a SIGQUIT to it: its
 * JVM writes a thread dump, to stderr here ({@code -XX:+DisplayVMOutputToStderr}), which must reach
 * the master's output.
 */
class ChildStderrTest {

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void aStoppingChildStillWritesToTheMastersStderr(Mpm mpm) throws Exception {
        List<String> sets = switch (mpm) {
            case PREFORK -> List.of("StartServers=1", "MinSpareServers=1", "MaxSpareServers=2", "ServerLimit=1",
                    "MaxRequestWorkers=1");
            case VIRTUAL -> List.of();
            case WORKER, EVENT -> List.of("StartServers=1", "MinSpareThreads=1", "MaxSpareThreads=8",
                    "ThreadsPerChild=4", "ServerLimit=1", "MaxRequestWorkers=4");
        };
        String[] all = java.util.stream.Stream.concat(sets.stream(), java.util.stream.Stream.of(
                "KeepAliveTimeout=20",
                "ChildJvmOptions=-XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1 -XX:+DisplayVMOutputToStderr"))
                .toArray(String[]::new);
        try (RunningServer s = RunningServer.start(mpm.id(), all);
             HttpTestClient held = new HttpTestClient(s.port)) {
            assertEquals(200, held.get("/hello").status());
            List<ProcessHandle> children = s.awaitChildren(1, java.time.Duration.ofSeconds(10));
            assertEquals(1, children.size(), "one child");
            long child = children.get(0).pid();
            String masterErr = Files.readSymbolicLink(Path.of("/proc/" + s.master.pid() + "/fd/2")).toString();

            signal("USR1", s.master.pid()); // graceful restart (ctl would wait for the new generation)
            awaitLink(child, 0, "/dev/null"); // the child closed the inherited socket
            // and put stderr back just after (a single look could fall between the two)
            awaitLink(child, 2, masterErr);
            signal("QUIT", child);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!s.output().contains("Full thread dump") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(s.output().contains("Full thread dump"), "the child's thread dump in the master's output");
        }
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor(), "kill -" + name);
    }

    /** Waits up to 10 s until {@code /proc/pid/fd/fd} points at {@code target}. */
    private static void awaitLink(long pid, int fd, String target) throws Exception {
        Path link = Path.of("/proc/" + pid + "/fd/" + fd);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String now = null;
        while (System.nanoTime() < deadline) {
            now = Files.readSymbolicLink(link).toString();
            if (now.equals(target)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("fd " + fd + " of " + pid + " is " + now + ", not " + target);
    }
}
