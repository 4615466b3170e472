package mpmbench.server.mpm.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * The event model's hand-off, on a real EventChild in this JVM (its counters are read directly):
 * requests already readable when a worker finishes a response are served by that worker without a
 * round trip through the selector, and a connection with nothing to read leaves its worker and waits
 * in the selector.
 */
class EventHandOffTest {

    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n";
    private static final int SLOT = InProcessEventChild.SLOT;

    @TempDir
    Path dir;

    private InProcessEventChild server;
    private ServerSocketChannel listen;
    private SharedScoreboard board;
    private EventChild child;

    private void start(String... sets) throws Exception {
        server = new InProcessEventChild(dir, sets);
        listen = server.listen;
        board = server.board;
        child = server.child;
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void pipelinedRequestsAreServedByOneWorkerWithoutTheSelector() throws Exception {
        start("ThreadsPerChild=2", "MaxRequestWorkers=2", "MinSpareThreads=1", "MaxSpareThreads=4",
                "KeepAliveTimeout=30");
        try (Socket s = connect()) {
            s.getOutputStream().write((HELLO + HELLO + HELLO).getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 3; i++) {
                assertEquals(200, RawResponse.read(s.getInputStream()), "response " + i);
            }
            HandOffCounts.Totals t = await(x -> x.parks() >= 1);
            assertEquals(3, t.requests(), t.toString());
            assertEquals(1, t.dispatches(), "one trip from the selector for three pipelined requests: " + t);
            assertEquals(2, t.followOns(), t.toString());
        }
    }

    @Test
    void anIdleKeepAliveConnectionLeavesItsWorker() throws Exception {
        // One worker: while the first client idles between requests, the second must get it.
        start("ThreadsPerChild=1", "MaxRequestWorkers=1", "MinSpareThreads=1", "MaxSpareThreads=4",
                "AsyncRequestWorkerFactor=4", "KeepAliveTimeout=30");
        try (Socket idle = connect(); Socket next = connect()) {
            idle.getOutputStream().write(HELLO.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(200, RawResponse.read(idle.getInputStream()));
            HandOffCounts.Totals parked = await(x -> x.parks() >= 1);
            assertEquals(1, parked.dispatches(), parked.toString());
            awaitWorker(WorkerStatus.READY);
            long t0 = System.nanoTime();
            next.getOutputStream().write(HELLO.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(200, RawResponse.read(next.getInputStream()));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 2_000, "the only worker was held by an idle keep-alive connection: " + ms + " ms");
            // The parked connection is still alive and gets a worker again when it speaks.
            idle.getOutputStream().write(HELLO.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(200, RawResponse.read(idle.getInputStream()));
            HandOffCounts.Totals t = await(x -> x.parks() >= 3);
            assertEquals(3, t.requests(), t.toString());
            assertEquals(3, t.dispatches(), t.toString());
            assertEquals(0, t.followOns(), t.toString());
            assertTrue(t.wakeups() <= t.parks(), "at most one wake-up per hand-back: " + t);
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(listen.getLocalAddress(), 5_000);
        s.setSoTimeout(5_000);
        s.setTcpNoDelay(true);
        return s;
    }

    private HandOffCounts.Totals await(Predicate<HandOffCounts.Totals> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        HandOffCounts.Totals t = child.handOffs();
        while (!p.test(t) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            t = child.handOffs();
        }
        assertTrue(p.test(t), "counts never got there: " + t);
        return t;
    }

    private void awaitWorker(WorkerStatus wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (board.workerStatus(SLOT, 0) != wanted && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(wanted, board.workerStatus(SLOT, 0), "the worker's scoreboard state");
    }
}
