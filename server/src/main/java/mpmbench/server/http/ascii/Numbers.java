package mpmbench.server.http.ascii;

import java.nio.ByteBuffer;

/** Decimal numbers written as ASCII without creating Strings. */
public final class Numbers {

    private Numbers() {
    }

    /** Writes {@code v} at {@code b[at]}; returns the index after the last digit. Needs 20 bytes of room. */
    public static int putDecimal(byte[] b, int at, long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                byte[] min = "-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(min, 0, b, at, min.length);
                return at + min.length;
            }
            b[at++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + digits;
    }

    /** Writes a non-negative {@code v} in decimal at the buffer's position. */
    public static void putDecimal(ByteBuffer out, long v) {
        long div = 1;
        while (div <= v / 10) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            out.put((byte) ('0' + (v / div) % 10));
        }
    }
}
