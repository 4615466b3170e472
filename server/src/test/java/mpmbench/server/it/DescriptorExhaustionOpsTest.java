package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * accept() failing with EMFILE: the server runs under {@code prlimit --nofile=N}, and idle
 * clients take every descriptor a child has. The child must neither die nor spin (a retry at once
 * fails at once, 100% CPU); it backs off, and serves again as soon as descriptors are free.
 * prefork is left out: one of its children holds one connection, never enough to run out.
 */
@Tag("ops")
class DescriptorExhaustionOpsTest {

    private static final int IDLE_CLIENTS = 300;

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("event", 160, new String[] {"StartServers=1", "ServerLimit=1", "AsyncRequestWorkerFactor=20",
                    "MaxRequestWorkers=25", "MinSpareThreads=1", "MaxSpareThreads=100", "KeepAliveTimeout=60"}),
                // Each worker thread has a selector (an epoll and an eventfd descriptor): 40 take 80,
                // which leaves about 30 for connections, fewer than the 40 workers would take.
                Arguments.of("worker", 120, new String[] {"StartServers=1", "ServerLimit=1", "ThreadsPerChild=40",
                    "MaxRequestWorkers=40", "MinSpareThreads=1", "MaxSpareThreads=100", "KeepAliveTimeout=60"}),
                Arguments.of("virtual", 160, new String[] {"KeepAliveTimeout=60"}));
    }

    @ParameterizedTest
    @MethodSource("models")
    void acceptBacksOffWithoutSpinningAndRecovers(String mpm, int nofile, String[] sets) throws Exception {
        try (RunningServer server = RunningServer.start(List.of("prlimit", "--nofile=" + nofile + ":" + nofile),
                mpm, sets)) {
            long child = server.awaitChildren(1, Duration.ofSeconds(10)).getFirst().pid();
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < IDLE_CLIENTS; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", server.port), 5_000);
                    idle.add(s); // connected by the kernel's backlog even when the child cannot accept
                }
                Thread.sleep(2_000);
                long cpu0 = cpuMillis(child);
                Thread.sleep(3_000);
                long cpuMs = cpuMillis(child) - cpu0;
                assertTrue(cpuMs < 600, mpm + ": the child used " + cpuMs + " ms of CPU in 3 s out of descriptors");
                assertTrue(server.output().contains("accept failed"), "no EMFILE was provoked: " + server.output());
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
            server.awaitReady(Duration.ofSeconds(10));
            assertEquals(child, server.children().getFirst().pid(), "the child was replaced instead of recovering");
        }
    }

    /** User + system CPU time of a process, in ms (from /proc/PID/stat, clock ticks of 10 ms). */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }
}
