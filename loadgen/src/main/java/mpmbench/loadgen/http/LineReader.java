package mpmbench.loadgen.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the end of the current line in bytes that arrive in pieces (a line ends at LF; a CR before it
 * is dropped, RFC 9112 §2.2 lets a recipient accept a bare LF), keeps its first bytes in a
 * {@link KeptLine}, and checks on the way whether it is a field line: a token, optional whitespace,
 * then a colon (RFC 9112 §5.1; the whitespace is dropped as a proxy must, and the name may be longer
 * than what is kept). Never allocates. Owned by one parser.
 *
 * <p><b>Per response, this is the generator's hottest code</b> (a server's header section is a few
 * hundred bytes, of which the parser interprets three fields). So the bytes are looked at once each
 * where it matters and eight at a time where it does not: the field name byte by byte (it decides
 * whether the line is a field line), the rest of the line by {@link #indexOfLf}, a word at a time. The
 * value of a field the parser does not interpret ({@link FramingFields#interpreted}: all but
 * Content-Length, Transfer-Encoding and Connection) is not kept, only counted: the kept line then ends
 * at the colon. Every other line (the status line, a framing field, an obs-fold continuation, a
 * chunk-size line, a line that is not a field line) is kept as before.
 */
final class LineReader {

    /** Reads eight bytes of a byte array as one little-endian long (an unaligned load once compiled). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LFS = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    final KeptLine line = new KeptLine();
    private long length;
    private boolean lastWasCr;
    /** 0: in the name; 1: whitespace after the name; 2: colon seen; 3: not a field line. */
    private int nameState;
    private boolean nameSeen;
    /** Whether the line's bytes after what was scanned so far are kept (false: a field not interpreted). */
    private boolean keep;
    /** The field's name has been judged (once its colon is seen). */
    private boolean nameJudged;

    LineReader() {
        clear();
    }

    /** Forgets the current line. */
    void clear() {
        line.clear();
        length = 0;
        lastWasCr = false;
        nameState = 0;
        nameSeen = false;
        keep = true;
        nameJudged = false;
    }

    /**
     * Consumes {@code a[from, to)} up to and including the first LF.
     *
     * @return the index after the LF when the line is complete (then {@link #line} holds it), or
     *         {@code -1} when every byte was consumed and the line goes on
     */
    int scan(byte[] a, int from, int to) {
        int i = from;
        if (nameState < 2) {
            i = name(a, i, to);
        }
        int lf = indexOfLf(a, i, to);
        if (keep) {
            line.append(a, from, i); // the name so far, and its colon
            if (nameState == 2 && !nameJudged) {
                nameJudged = true;
                keep = FramingFields.interpreted(line);
            }
            if (keep) {
                line.append(a, i, lf);
            }
        }
        length += lf - from;
        if (lf > from) {
            lastWasCr = a[lf - 1] == '\r';
        }
        if (lf == to) {
            return -1;
        }
        line.endLine(lastWasCr && keep); // a CR after the colon of a value not kept was not kept either
        return lf + 1;
    }

    /**
     * The index of the first LF in {@code a[from, to)}, or {@code to}: eight bytes per step, as a long
     * whose bytes are XORed with LF so that an LF becomes a zero byte, found by the classic test for a
     * zero byte in a word ({@code (x - 0x01..) & ~x & 0x80..}). Its lowest flagged byte is always a
     * true zero (a false flag needs a borrow from a zero byte below it), so the first LF is exact.
     */
    static int indexOfLf(byte[] a, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long x = (long) LONGS.get(a, i) ^ LFS;
            long zeros = (x - ONES) & ~x & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    /**
     * Reads the field name from {@code a[from, to)} until its colon, a byte that cannot be in a field line,
     * or an LF: {@code field-name [BWS] ":"}, at least one tchar, then only SP or HTAB before the colon.
     * In locals, so the loop over the name's bytes keeps them in registers.
     *
     * @return the index after the last byte read (after the colon when {@link #nameState} became 2)
     */
    private int name(byte[] a, int from, int to) {
        int state = nameState;
        boolean seen = nameSeen;
        int i = from;
        while (state < 2 && i < to) {
            byte c = a[i];
            if (c == '\n') {
                break;
            }
            if (state == 0 && KeptLine.isTchar(c)) {
                seen = true;
            } else if (c == ':') {
                state = seen ? 2 : 3;
            } else if (KeptLine.isWhitespace(c) && seen) {
                state = 1;
            } else {
                state = 3;
            }
            i++;
        }
        nameState = state;
        nameSeen = seen;
        return i;
    }

    /** Whether the complete line is {@code field-name [BWS] ":" ...}. */
    boolean isFieldLine() {
        return nameState == 2;
    }

    /**
     * Whether the field line names a field the parser interprets ({@link FramingFields#interpreted}, judged
     * once its colon was read): then the whole line is kept.
     */
    boolean interpretedField() {
        return nameJudged && keep;
    }

    /** Length of the line so far without its LF (the CR of a CRLF included), bytes. */
    long length() {
        return length;
    }
}
