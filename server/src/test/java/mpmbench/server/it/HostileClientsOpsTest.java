package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * Slow and hostile clients against every model: a request head trickled byte by byte is cut off with
 * 408 after Timeout; a client that never reads its response, one that half-closes or resets in the
 * middle of a request or a response, leaves no busy worker, held connection, thread or descriptor
 * behind once Timeout has passed. Two rounds: the first warms every code path up, the second must
 * leave the children exactly where the first did.
 */
@Tag("ops")
class HostileClientsOpsTest {

    private static final int TIMEOUT_S = 2;
    private static final String HEAD = "GET /hello HTTP/1.1\r\nHost: x\r\n";

    static Stream<Arguments> models() {
        List<String> common = List.of("Timeout=" + TIMEOUT_S, "KeepAliveTimeout=2");
        return Stream.of(
                Arguments.of("prefork", OpsModels.with(common, "StartServers=8", "MinSpareServers=1",
                        "MaxSpareServers=30")),
                Arguments.of("worker", OpsModels.with(common, "StartServers=1", "MinSpareThreads=1",
                        "MaxSpareThreads=200")),
                Arguments.of("event", OpsModels.with(common, "StartServers=1", "MinSpareThreads=1",
                        "MaxSpareThreads=200")),
                Arguments.of("virtual", OpsModels.with(common)));
    }

    @ParameterizedTest
    @MethodSource("models")
    void hostileClientsAreCutOffAndLeakNothing(String mpm, String[] sets) throws Exception {
        try (RunningServer server = RunningServer.start(mpm, sets); SharedScoreboard board = server.board()) {
            round(server, board);
            Map<Long, long[]> warm = footprint(board);
            round(server, board);
            Map<Long, long[]> after = footprint(board);
            for (Map.Entry<Long, long[]> e : warm.entrySet()) {
                long[] now = after.get(e.getKey());
                if (now != null) {
                    assertTrue(now[0] <= e.getValue()[0] + 1, mpm + " child " + e.getKey() + ": descriptors "
                            + e.getValue()[0] + " -> " + now[0]);
                    assertTrue(now[1] <= e.getValue()[1] + 2, mpm + " child " + e.getKey() + ": threads "
                            + e.getValue()[1] + " -> " + now[1]);
                }
            }
            server.awaitReady(java.time.Duration.ofSeconds(5));
        }
    }

    /** One of each hostile client at once; checks the 408 and that every worker is free again. */
    private static void round(RunningServer server, SharedScoreboard board) throws Exception {
        int port = server.port;
        CompletableFuture<Long> slowloris = async(() -> slowloris(port));
        List<Socket> neverRead = new ArrayList<>();
        neverRead.add(send(port, "GET /bytes?n=500000000 HTTP/1.1\r\nHost: x\r\n\r\n"));
        Socket halfClosed = send(port, HEAD);
        halfClosed.shutdownOutput();
        reset(send(port, HEAD));
        Socket midResponse = send(port, "GET /bytes?n=50000000 HTTP/1.1\r\nHost: x\r\n\r\n");
        midResponse.getInputStream().readNBytes(1_000);
        reset(midResponse);
        Socket politeHalfClose = send(port, HEAD + "\r\n");
        politeHalfClose.shutdownOutput();
        assertTrue(new String(politeHalfClose.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                .startsWith("HTTP/1.1 200 "), "a request followed by a half-close is answered");
        politeHalfClose.close();

        long ms = slowloris.get(20, TimeUnit.SECONDS);
        assertTrue(ms >= TIMEOUT_S * 1_000L - 50 && ms < TIMEOUT_S * 1_000L + 2_500,
                "the trickled head was cut off after " + ms + " ms; Timeout is " + TIMEOUT_S + " s");
        // The never-reading client is still connected: the server must have let it go by itself.
        String busy = awaitAllFree(board, 3 * TIMEOUT_S + 4);
        assertEquals("", busy, "still busy " + (3 * TIMEOUT_S + 4) + " s later, a client never reading");
        for (Socket s : neverRead) {
            s.close();
        }
        halfClosed.close();
    }

    /** Sends a head byte by byte, 300 ms apart; returns the ms until the 408 arrived. */
    private static long slowloris(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            long t0 = System.nanoTime();
            out.write(HEAD.getBytes(StandardCharsets.ISO_8859_1));
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        Thread.sleep(300);
                        out.write('x');
                    }
                } catch (Exception e) {
                    // cut off: the point
                }
            });
            byte[] status = in.readNBytes(12);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals("HTTP/1.1 408", new String(status, StandardCharsets.ISO_8859_1));
            return ms;
        }
    }

    /** Waits until no worker is busy and no process holds a connection; what is still busy, or "". */
    private static String awaitAllFree(SharedScoreboard board, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String busy;
        do {
            StringBuilder b = new StringBuilder();
            for (int slot = 0; slot < board.serverLimit(); slot++) {
                if (board.processState(slot) == ProcessState.FREE) {
                    continue;
                }
                for (int w = 0; w < board.workersPerProcess(); w++) {
                    WorkerStatus st = board.workerStatus(slot, w);
                    if (st.busy()) {
                        b.append("slot ").append(slot).append(" worker ").append(w).append(' ').append(st.letter())
                                .append("; ");
                    }
                }
                if (board.connections(slot) != 0 || board.busyWorkers(slot) != 0) {
                    b.append("slot ").append(slot).append(" connections ").append(board.connections(slot))
                            .append(" busy ").append(board.busyWorkers(slot)).append("; ");
                }
            }
            busy = b.toString();
            if (!busy.isEmpty()) {
                Thread.sleep(100);
            }
        } while (!busy.isEmpty() && System.nanoTime() < deadline);
        return busy;
    }

    /** pid → {descriptors, threads} of every child. */
    private static Map<Long, long[]> footprint(SharedScoreboard board) throws IOException {
        Map<Long, long[]> out = new TreeMap<>();
        for (long pid : OpsModels.children(board).keySet()) {
            Path proc = Path.of("/proc", Long.toString(pid));
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                long threads = Files.readAllLines(proc.resolve("status")).stream()
                        .filter(l -> l.startsWith("Threads:")).mapToLong(l -> Long.parseLong(l.substring(8).trim()))
                        .findFirst().orElse(-1);
                out.put(pid, new long[] {fds.count(), threads});
            } catch (IOException e) {
                // the child exited meanwhile (maintenance): nothing to compare
            }
        }
        return out;
    }

    private static Socket send(int port, String raw) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(15_000);
        s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    /** Closes with an RST (SO_LINGER 0) instead of a FIN. */
    private static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    private interface Io<T> {
        T call() throws Exception;
    }

    private static <T> CompletableFuture<T> async(Io<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(body.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }
}
