package mpmbench.loadgen.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the parser over responses generated from RFC 9112's grammar (status line, field lines
 * with obs-fold, interim 1xx responses, Content-Length, chunked bodies with extensions and trailers,
 * bodies delimited by the close, CRLF or bare LF): split into reads at any points, a stream of
 * responses parses to the same results as the grammar says; and any mutation of it ends as responses
 * or a counted error, never an exception, a call that consumes nothing without a verdict, or memory
 * that grows with the input. Run counts are modest so the default build stays fast.
 */
class ResponseParserProperties {

    /** One generated response and what parsing it must give. */
    record Response(String text, int status, boolean keepAlive) {
    }

    /** The outcome of a parsed stream: one entry per complete response, then {@code ERROR} if it failed. */
    record Parsed(List<String> responses, boolean failed) {
    }

    @Property(tries = 300)
    void aStreamSplitAtAnyPointsParsesAsTheGrammarSays(@ForAll("streams") List<Response> stream,
                                                       @ForAll("cuts") List<Integer> cuts) {
        String text = stream.stream().map(Response::text).reduce("", String::concat);
        List<String> expected = stream.stream().map(r -> r.status() + "/" + r.keepAlive() + "/" + r.text().length())
                .toList();
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(new Parsed(expected, false), parse(bytes, List.of()), text);
        assertEquals(new Parsed(expected, false), parse(bytes, cuts), text);
    }

    @Property(tries = 300)
    void anyMutationEndsAsResponsesOrACountedErrorWithBoundedMemory(@ForAll("streams") List<Response> stream,
                                                                    @ForAll("mutations") List<int[]> mutations,
                                                                    @ForAll("cuts") List<Integer> cuts) {
        byte[] bytes = mutate(stream.stream().map(Response::text).reduce("", String::concat)
                .getBytes(StandardCharsets.ISO_8859_1), mutations);
        List<ByteBuffer> reads = split(bytes, cuts);
        ResponseParser p = new ResponseParser();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        int complete = 0;
        boolean failed = false;
        for (int k = 0; k < reads.size() && !failed; k++) {
            ByteBuffer b = reads.get(k);
            while (b.hasRemaining() && !failed) {
                int pos = b.position();
                ParseResult r = p.feed(b);
                assertTrue(r != ParseResult.NEED_MORE || !b.hasRemaining(), "NEED_MORE with bytes left");
                assertTrue(b.position() > pos || r != ParseResult.NEED_MORE, "no progress");
                if (r == ParseResult.COMPLETE) {
                    complete++;
                    p.reset();
                } else if (r == ParseResult.ERROR) {
                    failed = true;
                }
            }
        }
        if (!failed && !p.idle()) {
            ParseResult r = p.onEof();
            assertTrue(r == ParseResult.COMPLETE || r == ParseResult.ERROR);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4096, allocated + " bytes allocated while parsing " + bytes.length + " bytes");
        assertTrue(complete <= bytes.length);
    }

    // ---- the grammar ----

    @Provide
    Arbitrary<List<Response>> streams() {
        return response(true).list().ofMinSize(0).ofMaxSize(3)
                .flatMap(first -> response(false).map(last -> {
                    List<Response> all = new ArrayList<>(first);
                    all.add(last);
                    return all;
                }));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 5000).list().ofMaxSize(12);
    }

    /** {kind, position, value}: 0 replace a byte, 1 insert a byte, 2 delete a byte, 3 insert a long run. */
    @Provide
    Arbitrary<List<int[]>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 5000),
                Arbitraries.integers().between(0, 255)).as((k, p, v) -> new int[] {k, p, v}).list().ofMinSize(1).ofMaxSize(4);
    }

    /** A response; {@code persistent}: one that leaves the connection open for the next. */
    private Arbitrary<Response> response(boolean persistent) {
        Arbitrary<String> eol = Arbitraries.of("\r\n", "\r\n", "\r\n", "\n");
        Arbitrary<Integer> status = Arbitraries.of(200, 201, 204, 301, 304, 404, 500, 503);
        Arbitrary<Boolean> http10 = Arbitraries.of(false, false, false, true);
        Arbitrary<String> reason = Arbitraries.of("OK", "", " ", "Some Reason: with colon");
        Arbitrary<List<String>> extra = field().list().ofMaxSize(4);
        Arbitrary<Integer> framing = Arbitraries.integers().between(0, persistent ? 1 : 3);
        Arbitrary<String> body = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300);
        Arbitrary<List<Integer>> chunks = Arbitraries.integers().between(1, 120).list().ofMaxSize(4);
        Arbitrary<Integer> interim = Arbitraries.integers().between(0, 2);
        Arbitrary<Head> head = Combinators.combine(eol, status, http10, reason, interim).as(Head::new);
        return Combinators.combine(head, extra, framing, body, chunks)
                .as((h, x, f, b, c) -> build(persistent, h, x, f, b, c));
    }

    /** The start of a response: line ends, status line, how many interim responses come first. */
    record Head(String eol, int status, boolean http10, String reason, int interim) {
    }

    /** A field line that no rule interprets: a token name, a value, sometimes obs-folded. */
    private static Arbitrary<String> field() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcXYZ-_09!#").ofMinLength(1).ofMaxLength(12)
                .map(n -> "X" + n);
        Arbitrary<String> value = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
        Arbitrary<Boolean> fold = Arbitraries.of(false, false, true);
        return Combinators.combine(name, value, fold).as((n, v, f) -> n + ": " + v.strip() + (f ? "\n\t " + v : ""));
    }

    /**
     * framing: 0 Content-Length, 1 chunked (with extensions and trailers), 2 until the close,
     * 3 Connection: close with Content-Length.
     */
    private static Response build(boolean persistent, Head h, List<String> extra, int framing, String body,
                                  List<Integer> chunks) {
        String eol = h.eol();
        int status = h.status();
        boolean http10 = h.http10();
        String reason = h.reason();
        int interim = h.interim();
        boolean bodyless = status == 204 || status == 304;
        if (http10 && framing == 1) {
            framing = 0; // chunked needs HTTP/1.1 (RFC 9112 §6.1)
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < interim; i++) {
            sb.append("HTTP/1.1 ").append(i == 0 ? "100 Continue" : "103 Early Hints").append(eol);
            if (i == 1) {
                sb.append("Link: </style.css>; rel=preload").append(eol);
            }
            sb.append(eol);
        }
        sb.append(http10 ? "HTTP/1.0 " : "HTTP/1.1 ").append(status);
        if (!reason.isEmpty()) {
            sb.append(' ').append(reason.strip());
        }
        sb.append(eol);
        for (String f : extra) {
            sb.append(f.replace("\n", eol)).append(eol);
        }
        boolean keepAlive = true;
        if (http10) {
            sb.append("Connection: keep-alive").append(eol);
        }
        if (framing == 3) {
            sb.append("Connection: close").append(eol);
            keepAlive = false;
        }
        StringBuilder content = new StringBuilder();
        if (bodyless) {
            if (framing == 0) {
                sb.append("Content-Length: 13").append(eol); // ignored for 204 and 304
            }
        } else if (framing == 1) {
            sb.append("Transfer-Encoding: chunked").append(eol);
            int k = 0;
            for (int size : chunks) {
                content.append(Integer.toHexString(size)).append(k++ % 2 == 0 ? "" : " ;ext=\"a;b\"").append(eol)
                        .append("c".repeat(size)).append(eol);
            }
            content.append("0").append(eol);
            if (!chunks.isEmpty()) {
                content.append("X-Trailer: ").append(chunks.size()).append(eol);
            }
            content.append(eol);
        } else if (framing == 2) {
            content.append(body);
            keepAlive = false;
        } else {
            sb.append("Content-Length: ").append(body.length()).append(eol);
            content.append(body);
        }
        sb.append(eol).append(content);
        assertTrue(keepAlive || !persistent);
        return new Response(sb.toString(), status, keepAlive);
    }

    // ---- feeding ----

    private static List<ByteBuffer> split(byte[] bytes, List<Integer> cuts) {
        List<Integer> at = new ArrayList<>(cuts.stream().map(c -> Math.min(c, bytes.length)).sorted().toList());
        at.add(bytes.length);
        List<ByteBuffer> reads = new ArrayList<>();
        int from = 0;
        for (int to : at) {
            reads.add(ByteBuffer.wrap(bytes, from, to - from));
            from = to;
        }
        return reads;
    }

    private static Parsed parse(byte[] bytes, List<Integer> cuts) {
        ResponseParser p = new ResponseParser();
        List<String> done = new ArrayList<>();
        for (ByteBuffer b : split(bytes, cuts)) {
            while (b.hasRemaining()) {
                ParseResult r = p.feed(b);
                if (r == ParseResult.ERROR) {
                    return new Parsed(done, true);
                }
                if (r == ParseResult.COMPLETE) {
                    done.add(p.status() + "/" + p.keepAlive() + "/" + p.responseBytes());
                    p.reset();
                }
            }
        }
        if (!p.idle()) {
            if (p.onEof() != ParseResult.COMPLETE) {
                return new Parsed(done, true);
            }
            done.add(p.status() + "/" + p.keepAlive() + "/" + p.responseBytes());
        }
        return new Parsed(done, false);
    }

    private static byte[] mutate(byte[] bytes, List<int[]> mutations) {
        byte[] b = bytes;
        for (int[] m : mutations) {
            int at = b.length == 0 ? 0 : m[1] % b.length;
            byte v = (byte) m[2];
            b = switch (m[0]) {
                case 0 -> b.length == 0 ? b : replace(b, at, v);
                case 1 -> insert(b, at, new byte[] {v});
                case 2 -> b.length == 0 ? b : concat(slice(b, 0, at), slice(b, at + 1, b.length));
                default -> insert(b, at, String.valueOf((char) (' ' + m[2] % 95)).repeat(20_000 + m[2] * 200)
                        .getBytes(StandardCharsets.ISO_8859_1));
            };
        }
        return b;
    }

    private static byte[] replace(byte[] b, int at, byte v) {
        byte[] c = b.clone();
        c[at] = v;
        return c;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        return concat(concat(slice(b, 0, at), what), slice(b, at, b.length));
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
