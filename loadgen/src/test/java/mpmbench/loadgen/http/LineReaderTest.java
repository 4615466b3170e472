package mpmbench.loadgen.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The line reader's two shortcuts: the word-at-a-time LF search agrees with a byte-by-byte one, and the
 * value of a field the parser does not interpret is counted but not kept.
 */
class LineReaderTest {

    /**
     * Bytes near LF in value and in the word arithmetic (LF ± 1, NUL, 0x80, 0x8A, 0xFF, CR) at every
     * offset and length: a borrow from one byte into the next must never hide the first LF or invent one.
     */
    @Property(tries = 2000)
    void theWordAtATimeSearchFindsTheFirstLfExactly(@ForAll("nearLf") byte[] a, @ForAll("cut") int from, @ForAll("cut") int to) {
        int lo = Math.min(from % (a.length + 1), to % (a.length + 1));
        int hi = Math.max(from % (a.length + 1), to % (a.length + 1));
        int expected = hi;
        for (int i = lo; i < hi; i++) {
            if (a[i] == '\n') {
                expected = i;
                break;
            }
        }
        assertEquals(expected, LineReader.indexOfLf(a, lo, hi));
    }

    @Provide
    Arbitrary<byte[]> nearLf() {
        return Arbitraries.of((byte) 0x0A, (byte) 0x0B, (byte) 0x09, (byte) 0x00, (byte) 0x01, (byte) 0x80,
                (byte) 0x8A, (byte) 0xFF, (byte) 0x0D, (byte) 'a').array(byte[].class).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Integer> cut() {
        return Arbitraries.integers().between(0, 40);
    }

    @Test
    void aFieldNotInterpretedIsKeptUpToItsColonAndCountedWhole() {
        LineReader r = new LineReader();
        byte[] line = "Last-Modified: Mon, 07 Dec 2026 14:57:59 GMT\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(line.length, r.scan(line, 0, line.length));
        assertTrue(r.isFieldLine());
        assertEquals("Last-Modified:", kept(r.line));
        assertEquals(line.length - 1, r.length());
        assertFalse(FramingFields.interpreted(r.line));
    }

    @Test
    void aFramingFieldIsKeptWholeEvenWhenItArrivesInPieces() {
        LineReader r = new LineReader();
        byte[] line = "Content-Length : 13 \r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < line.length - 1; i++) {
            assertEquals(-1, r.scan(line, i, i + 1));
        }
        assertEquals(line.length, r.scan(line, line.length - 1, line.length));
        assertTrue(r.isFieldLine());
        assertEquals("Content-Length : 13 ", kept(r.line));
    }

    @Test
    void aLineThatIsNotAFieldLineIsKeptWhole() {
        LineReader r = new LineReader();
        byte[] line = "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(line.length, r.scan(line, 0, line.length));
        assertFalse(r.isFieldLine());
        assertEquals("HTTP/1.1 200 OK", kept(r.line));
    }

    private static String kept(KeptLine l) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < l.length(); i++) {
            s.append((char) l.at(i));
        }
        return s.toString();
    }
}
