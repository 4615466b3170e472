package mpmbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import mpmbench.server.http.request.HttpLimits;

/**
 * Properties of the request parser and the connection loop over requests generated from the grammar
 * ({@link GeneratedRequest}):
 * <ul>
 *   <li>split into reads at random points, a request parses to the same request on both I/O paths
 *       ({@link SelectorChannelIo} and {@link BlockingChannelIo} on real sockets) and in memory;</li>
 *   <li>every mutation of one (bytes inserted, deleted or replaced by the ones that matter to the
 *       grammar) ends as requests or a 4xx/501/505 with {@code Connection: close} as the last answer;
 *       never an exception escaping the loop (none logged), a hang (5 s), or memory growing beyond
 *       what the input itself holds.</li>
 * </ul>
 * Run counts are modest ({@value #SPLIT_TRIES} and {@value #MUTATION_TRIES}) to keep {@code mvn verify}
 * fast; jqwik prints the seed of a failing run and the failing sample's bytes.
 */
class RequestParserPropertyTest {

    static final int SPLIT_TRIES = 200;
    static final int MUTATION_TRIES = 1_000;
    private static final byte[] INTERESTING = " \t\r\n\u0000:;,=\"\\%/?#@[]0aF\u007f\u0080\u00ff-".getBytes(
            StandardCharsets.ISO_8859_1);
    private static final ConnectionTimeouts TIMEOUTS = new ConnectionTimeouts(true, 2_000, 0, 2_000);
    private static final List<String> WARNINGS = new ArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (WARNINGS) {
                    WARNINGS.add(record.getMessage());
                }
            }
        }

        @Override public void flush() { }
        @Override public void close() { }
    };
    private static LoopbackServer selectorServer;
    private static LoopbackServer blockingServer;

    private final Http1Connection connection = new Http1Connection(HttpLimits.DEFAULTS, TIMEOUTS, new DigestHandler());

    @BeforeContainer
    static void start() throws IOException {
        // First uses load classes and bootstrap string concatenation: keep that out of the allocation check.
        Http1Connection warm = new Http1Connection(HttpLimits.DEFAULTS, TIMEOUTS, new DigestHandler());
        Random random = new Random(9112);
        for (int i = 0; i < 2_000; i++) {
            MemoryChannelIo io = new MemoryChannelIo();
            io.then(new String(mutate(GeneratedRequest.generate(random).raw().getBytes(StandardCharsets.ISO_8859_1),
                    random), StandardCharsets.ISO_8859_1));
            warm.serve(io, ConnectionObserver.NONE, new ConnectionState(false));
            heads(io.written());
        }
        Logger.getLogger(Http1Connection.class.getName()).addHandler(CAPTURE);
        selectorServer = new LoopbackServer(LoopbackServer.Kind.SELECTOR_PLATFORM, TIMEOUTS, new DigestHandler());
        blockingServer = new LoopbackServer(LoopbackServer.Kind.BLOCKING_VIRTUAL, TIMEOUTS, new DigestHandler());
    }

    @AfterContainer
    static void stop() throws Exception {
        selectorServer.close();
        blockingServer.close();
        Logger.getLogger(Http1Connection.class.getName()).removeHandler(CAPTURE);
    }

    @Provide
    Arbitrary<GeneratedRequest> requests() {
        return Arbitraries.randomValue(GeneratedRequest::generate);
    }

    @Property(tries = SPLIT_TRIES)
    void parsesTheSameWhereverTheReadsSplit(@ForAll("requests") GeneratedRequest request, @ForAll Random random)
            throws Exception {
        byte[] raw = request.raw().getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> pieces = split(raw, random);
        String expected = "HTTP/1.1 200 OK " + request.digest();

        MemoryChannelIo memory = new MemoryChannelIo();
        pieces.forEach(p -> memory.then(new String(p, StandardCharsets.ISO_8859_1)));
        connection.serve(memory, ConnectionObserver.NONE, new ConnectionState(false));
        assertEquals(expected, firstAnswer(memory.written()), "in memory");

        for (LoopbackServer server : new LoopbackServer[] {selectorServer, blockingServer}) {
            try (RawClient client = new RawClient(server.port())) {
                for (byte[] p : pieces) {
                    client.send(p);
                    LockSupport.parkNanos(100_000);
                }
                RawClient.Reply reply = client.read();
                assertEquals(expected, reply.head().substring(0, reply.head().indexOf("\r\n")) + " " + reply.body(),
                        "on a socket");
            }
        }
    }

    @Property(tries = MUTATION_TRIES)
    void mutationsEndAsRequestsOrA4xxThatCloses(@ForAll("requests") GeneratedRequest request,
                                                @ForAll Random random) {
        byte[] raw = mutate(request.raw().getBytes(StandardCharsets.ISO_8859_1), random);
        MemoryChannelIo io = new MemoryChannelIo();
        split(raw, random).forEach(p -> io.then(new String(p, StandardCharsets.ISO_8859_1)));
        synchronized (WARNINGS) {
            WARNINGS.clear();
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            long before = mx.getCurrentThreadAllocatedBytes();
            assertEquals(Outcome.CLOSE, connection.serve(io, ConnectionObserver.NONE, new ConnectionState(false)));
            return mx.getCurrentThreadAllocatedBytes() - before;
        });
        assertTrue(WARNINGS.isEmpty(), "logged: " + WARNINGS);
        // The kept body and the digest answer hold the input a few times over; nothing else may grow.
        assertTrue(allocated < 64 * 1024 + 8L * raw.length, "allocated " + allocated + " bytes for " + raw.length);
        List<String> heads = heads(io.written());
        for (int i = 0; i < heads.size(); i++) {
            String head = heads.get(i);
            int status = Integer.parseInt(head.substring(9, 12));
            if (status == 200) {
                continue;
            }
            if (status != 400 && status != 413 && status != 414 && status != 417 && status != 431 && status != 501
                    && status != 505) {
                fail("unexpected status " + status + ":\n" + head);
            }
            assertEquals(heads.size() - 1, i, "nothing is answered after an error");
            assertTrue(head.contains("\r\nConnection: close\r\n"), head);
        }
    }

    /** Cuts {@code raw} into 1 to 6 pieces at random points. */
    private static List<byte[]> split(byte[] raw, Random random) {
        List<byte[]> pieces = new ArrayList<>();
        int at = 0;
        for (int cuts = random.nextInt(6); cuts > 0 && at < raw.length; cuts--) {
            int next = at + 1 + random.nextInt(raw.length - at);
            pieces.add(java.util.Arrays.copyOfRange(raw, at, next));
            at = next;
        }
        if (at < raw.length) {
            pieces.add(java.util.Arrays.copyOfRange(raw, at, raw.length));
        }
        return pieces;
    }

    /** One to three bytes inserted, deleted or replaced, drawn from the bytes the grammar cares about. */
    private static byte[] mutate(byte[] raw, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(raw);
        byte[] b = out.toByteArray();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(b.length + 1);
            byte x = INTERESTING[random.nextInt(INTERESTING.length)];
            ByteArrayOutputStream next = new ByteArrayOutputStream();
            next.write(b, 0, at);
            switch (random.nextInt(3)) {
                case 0 -> next.write(x);
                case 1 -> at = Math.min(b.length, at + 1);
                default -> {
                    next.write(x);
                    at = Math.min(b.length, at + 1);
                }
            }
            next.write(b, at, b.length - at);
            b = next.toByteArray();
        }
        return b;
    }

    /** "HTTP/1.1 200 OK " plus the body of the first answer in {@code written}. */
    private static String firstAnswer(String written) {
        int end = written.indexOf("\r\n\r\n");
        assertTrue(end > 0, "no answer: " + written);
        String head = written.substring(0, end);
        int length = contentLength(head);
        return head.substring(0, head.indexOf("\r\n")) + " " + written.substring(end + 4, end + 4 + length);
    }

    /** The heads of every answer in {@code written}, skipping their bodies. */
    private static List<String> heads(String written) {
        List<String> heads = new ArrayList<>();
        int at = 0;
        while (at < written.length()) {
            int end = written.indexOf("\r\n\r\n", at);
            assertTrue(end > 0, "a cut answer: " + written.substring(at));
            String head = written.substring(at, end + 2);
            heads.add(head);
            at = end + 4 + contentLength(head);
        }
        return heads;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.startsWith("Content-Length: ")) {
                return Integer.parseInt(line.substring(16));
            }
        }
        throw new AssertionError("no Content-Length in " + head);
    }
}
