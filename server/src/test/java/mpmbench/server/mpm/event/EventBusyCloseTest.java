package mpmbench.server.mpm.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.StatusReport;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * httpd event's rule for a busy process ({@link BusyKeepAliveClose}), on a real EventChild in this
 * JVM with a listening socket on an ephemeral loopback port: when no worker is left for a readable
 * connection, or a client waits for an accept that no process has room for, the connections waiting
 * in keep-alive are closed and counted, and never one with a request under way. The limits are small
 * (ThreadsPerChild 1 or 2, AsyncRequestWorkerFactor 1 or 4, one child) and KeepAliveTimeout and
 * Timeout 30 s, so that no timeout does the closing within the tests' bounds.
 */
class EventBusyCloseTest {

    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n";
    private static final String HEAD_WITHOUT_END = "GET /hello HTTP/1.1\r\nHost: t\r\n";
    private static final int SLOT = InProcessEventChild.SLOT;
    /** The longest a client that the rule makes room for may wait for its answer, in ms. */
    private static final long ANSWER_BOUND_MS = 2_000;

    @TempDir
    Path dir;

    private InProcessEventChild server;
    private ServerSocketChannel listen;
    private SharedScoreboard board;
    private EventChild child;
    private final List<Socket> sockets = new ArrayList<>();

    private void start(String... sets) throws Exception {
        server = new InProcessEventChild(dir, sets);
        listen = server.listen;
        board = server.board;
        child = server.child;
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aClientWaitingAtTheLimitIsServedAfterTheKeepAliveConnectionsAreClosed() throws Exception {
        // One child of 2 threads: room for 2 + 2 idle × 1 = 4 connections.
        start("ThreadsPerChild=2", "MaxRequestWorkers=2", "MinSpareThreads=1", "MaxSpareThreads=4",
                "AsyncRequestWorkerFactor=1", "KeepAliveTimeout=30", "Timeout=30");
        List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Socket s = connect();
            exchangeAndPark(s, i + 1);
            idle.add(s);
        }

        Socket active = answeredWithinBound("behind 4 idle keep-alive connections");

        for (int i = 0; i < idle.size(); i++) {
            assertClosedByServer(idle.get(i), "idle keep-alive connection " + i);
        }
        assertEquals(4, board.keepAliveClosedBusy(SLOT), "keep-alive connections closed");
        StringBuilder status = new StringBuilder();
        new StatusReport(board, "event").render(true, status);
        assertTrue(status.toString().contains("\nKeepAliveClosedBusy: 4\n"), status.toString());
        // The client it made room for keeps its connection.
        send(active, HELLO);
        assertEquals(200, RawResponse.read(active.getInputStream()));
    }

    @Test
    void aRequestUnderWayIsNotClosed() throws Exception {
        start("ThreadsPerChild=2", "MaxRequestWorkers=2", "MinSpareThreads=1", "MaxSpareThreads=4",
                "AsyncRequestWorkerFactor=1", "KeepAliveTimeout=30", "Timeout=30");
        // A request whose head has not ended holds a worker: room for 2 + 1 idle × 1 = 3 connections.
        Socket underWay = connect();
        send(underWay, HEAD_WITHOUT_END);
        awaitBusyWorkers(1);
        Socket idle1 = connect();
        exchangeAndPark(idle1, 1);
        Socket idle2 = connect();
        exchangeAndPark(idle2, 2);

        answeredWithinBound("at the limit");

        assertClosedByServer(idle1, "idle keep-alive connection 1");
        assertClosedByServer(idle2, "idle keep-alive connection 2");
        assertEquals(2, board.keepAliveClosedBusy(SLOT), "keep-alive connections closed");
        send(underWay, "\r\n");
        assertEquals(200, RawResponse.read(underWay.getInputStream()), "the request that was under way");
    }

    @Test
    void noWorkerLeftForARequestClosesTheOtherKeepAliveConnections() throws Exception {
        // httpd's own case: plenty of room (1 + 1 idle × 4), but the only worker is held.
        start("ThreadsPerChild=1", "MaxRequestWorkers=1", "MinSpareThreads=1", "MaxSpareThreads=4",
                "AsyncRequestWorkerFactor=4", "KeepAliveTimeout=30", "Timeout=30");
        Socket idle = connect();
        exchangeAndPark(idle, 1);
        Socket next = connect();
        exchangeAndPark(next, 2);
        Socket underWay = connect();
        send(underWay, HEAD_WITHOUT_END);
        awaitBusyWorkers(1);

        send(next, HELLO); // readable, and no worker left: the pass is busy
        assertClosedByServer(idle, "the idle keep-alive connection");
        awaitClosedBusy(1); // counted once the pass's closes are done, just after the client saw its end

        send(underWay, "\r\n");
        assertEquals(200, RawResponse.read(underWay.getInputStream()), "the request that held the worker");
        assertEquals(200, RawResponse.read(next.getInputStream()), "the request that found no worker waits for one");
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(listen.getLocalAddress(), 5_000);
        s.setSoTimeout(5_000);
        s.setTcpNoDelay(true);
        return s;
    }

    /** A new client's request gets its 200 within {@link #ANSWER_BOUND_MS}; its socket, kept open. */
    private Socket answeredWithinBound(String where) throws IOException {
        Socket active = connect();
        long t0 = System.nanoTime();
        send(active, HELLO);
        assertEquals(200, RawResponse.read(active.getInputStream()), "the waiting client's answer");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < ANSWER_BOUND_MS, "a client waited " + ms + " ms " + where);
        return active;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * One request and its answer on {@code s}, then waits until its worker has parked it (the
     * {@code parks}-th park) and the selector has it in keep-alive: the client has its answer a moment
     * before the worker is idle again, and a connection made in that moment finds no room, which the
     * busy rule answers by closing the keep-alive connections (so a test that went on at once lost some
     * of its idle connections before it began, 1 run in 6).
     */
    private void exchangeAndPark(Socket s, int parks) throws IOException, InterruptedException {
        send(s, HELLO);
        assertEquals(200, RawResponse.read(s.getInputStream()));
        awaitParks(parks);
    }

    /** The server closed {@code s}: end of stream within the answer bound, no byte before it. */
    private static void assertClosedByServer(Socket s, String what) throws IOException {
        s.setSoTimeout((int) ANSWER_BOUND_MS);
        try {
            assertEquals(-1, s.getInputStream().read(), what + " got bytes instead of its end");
        } catch (SocketTimeoutException e) {
            throw new AssertionError(what + " is still open after " + ANSWER_BOUND_MS + " ms", e);
        }
    }

    private void awaitParks(int parks) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (child.handOffs().parks() < parks && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(child.handOffs().parks() >= parks, "keep-alive parks never got there: " + child.handOffs());
        // a parked connection is in the keep-alive queue, where the busy rule looks, once the selector has
        // taken it back in a pass of its own: on a busy machine that may be well after the park
        while (child.keptAliveWaiting() < parks && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(parks, child.keptAliveWaiting(), "keep-alive connections the selector took back ("
                + board.keepAliveClosedBusy(SLOT) + " closed while busy; " + child.handOffs() + ")");
    }

    private void awaitClosedBusy(long closed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (board.keepAliveClosedBusy(SLOT) < closed && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(closed, board.keepAliveClosedBusy(SLOT), "keep-alive connections closed");
    }

    private void awaitBusyWorkers(int busy) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (busyWorkers() < busy && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(busy, busyWorkers(), "busy workers on the scoreboard");
    }

    private int busyWorkers() {
        int n = 0;
        for (int w = 0; w < board.workersPerProcess(); w++) {
            WorkerStatus s = board.workerStatus(SLOT, w);
            n += s.busy() ? 1 : 0;
        }
        return n;
    }
}
