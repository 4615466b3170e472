package mpmbench.loadgen.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser fed raw bytes: whole, byte by byte, back to back, and broken. */
class ResponseParserTest {

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Feeds the text in slices of {@code step} bytes; returns the parser after the first COMPLETE. */
    private static ParseResult feedInSlices(ResponseParser p, String text, int step) {
        byte[] all = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int off = 0; off < all.length; off += step) {
            ByteBuffer b = ByteBuffer.wrap(all, off, Math.min(step, all.length - off));
            ParseResult r = p.feed(b);
            if (r != ParseResult.NEED_MORE) {
                return r;
            }
        }
        return ParseResult.NEED_MORE;
    }

    @ParameterizedTest(name = "{0}, slices of {2}")
    @CsvSource(delimiter = '|', value = {
            "content-length|HTTP/1.1 200 OK\\r\\nContent-Length: 13\\r\\n\\r\\nHello, World!|1|true",
            "content-length|HTTP/1.1 200 OK\\r\\nContent-Length: 13\\r\\n\\r\\nHello, World!|1000|true",
            "chunked|HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5\\r\\nHello\\r\\n8;ext=1\\r\\n, World!\\r\\n0\\r\\n\\r\\n|1|true",
            "chunked+trailer|HTTP/1.1 200 OK\\r\\ntransfer-encoding: Chunked\\r\\n\\r\\nd\\r\\nHello, World!\\r\\n0\\r\\nX-T: 1\\r\\n\\r\\n|3|true",
            "connection close|HTTP/1.1 200 OK\\r\\nConnection: close\\r\\nContent-Length: 2\\r\\n\\r\\nok|1|false",
            "http/1.0|HTTP/1.0 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok|7|false",
            "http/1.0 keep-alive|HTTP/1.0 200 OK\\r\\nConnection: Keep-Alive\\r\\nContent-Length: 2\\r\\n\\r\\nok|7|true",
            "204 no body|HTTP/1.1 204 No Content\\r\\n\\r\\n|2|true",
            "100 continue first|HTTP/1.1 100 Continue\\r\\n\\r\\nHTTP/1.1 200 OK\\r\\nContent-Length: 0\\r\\n\\r\\n|5|true",
            "no reason phrase|HTTP/1.1 200\\r\\nContent-Length: 0\\r\\n\\r\\n|1|true",
            "bare LF|HTTP/1.1 200 OK\\nContent-Length: 1\\n\\nx|1|true",
    })
    void completesWholeResponses(String name, String escaped, int step, boolean keepAlive) {
        String text = escaped.replace("\\r", "\r").replace("\\n", "\n");
        ResponseParser p = new ResponseParser();
        assertEquals(ParseResult.COMPLETE, feedInSlices(p, text, step), name + ": " + p.error());
        assertEquals(keepAlive, p.keepAlive(), name);
        assertTrue(p.status() >= 200, name);
    }

    @Test
    void backToBackResponsesInOneBufferCompleteOneByOne() {
        String one = "HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello, World!";
        String two = "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        ByteBuffer buf = bytes(one + two);
        ResponseParser p = new ResponseParser();
        assertEquals(ParseResult.COMPLETE, p.feed(buf));
        assertEquals(200, p.status());
        assertEquals(one.length(), p.responseBytes());
        assertEquals(one.length(), buf.position());
        p.reset();
        assertEquals(ParseResult.COMPLETE, p.feed(buf));
        assertEquals(404, p.status());
        assertEquals(two.length(), p.responseBytes());
        assertFalse(buf.hasRemaining());
    }

    @Test
    void directBuffersAreParsedThroughTheScratchArray() {
        String one = "HTTP/1.1 200 OK\r\nX-Long: " + "z".repeat(3000) + "\r\nContent-Length: 13\r\n\r\nHello, World!";
        byte[] bytes = (one + one).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        ResponseParser p = new ResponseParser();
        for (int k = 1; k <= 2; k++) {
            assertEquals(ParseResult.COMPLETE, p.feed(direct), p.error());
            assertEquals(k * one.length(), direct.position());
            assertEquals(one.length(), p.responseBytes());
            p.reset();
        }
    }

    @Test
    void bodyUntilCloseCompletesOnEof() {
        ResponseParser p = new ResponseParser();
        assertEquals(ParseResult.NEED_MORE, p.feed(bytes("HTTP/1.1 200 OK\r\n\r\nsome body")));
        assertEquals(ParseResult.COMPLETE, p.onEof());
        assertFalse(p.keepAlive());
    }

    @Test
    void eofMidResponseIsAnError() {
        ResponseParser p = new ResponseParser();
        assertEquals(ParseResult.NEED_MORE, p.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")));
        assertEquals(ParseResult.ERROR, p.onEof());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "garbage\r\n\r\n",
            "SSH-2.0-OpenSSH_9.2\r\n",
            "HTTP/2 200\r\n\r\n",
            "HTTP/1.1 2x0 OK\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n",
            "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n",
            "HTTP/1.1 101 Switching Protocols\r\n\r\n",
    })
    void rejectsWhatIsNotHttp(String text) {
        ResponseParser p = new ResponseParser();
        assertEquals(ParseResult.ERROR, feedInSlices(p, text, 1), text);
    }

    @Test
    void endlessHeadersHitTheLimit() {
        ResponseParser p = new ResponseParser();
        assertEquals(ParseResult.NEED_MORE, p.feed(bytes("HTTP/1.1 200 OK\r\n")));
        String header = "X-Filler: " + "y".repeat(100) + "\r\n";
        ParseResult r = ParseResult.NEED_MORE;
        for (int i = 0; i < 1000 && r == ParseResult.NEED_MORE; i++) {
            r = p.feed(bytes(header));
        }
        assertEquals(ParseResult.ERROR, r);
        assertTrue(p.error().contains("header section"), p.error());
    }

    @Test
    void anEndlessLineHitsTheLineLimit() {
        ResponseParser p = new ResponseParser();
        assertEquals(ParseResult.ERROR, p.feed(bytes("HTTP/1.1 200 OK" + " ".repeat(ResponseParser.MAX_SECTION_BYTES))));
    }

    @Test
    void longUninterestingHeadersAreSkipped() {
        ResponseParser p = new ResponseParser();
        String text = "HTTP/1.1 200 OK\r\nSet-Cookie: " + "c".repeat(4000) + "\r\nContent-Length: 1\r\n\r\nx";
        assertEquals(ParseResult.COMPLETE, p.feed(bytes(text)));
    }
}
