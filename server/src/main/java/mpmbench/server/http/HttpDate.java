package mpmbench.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.LongSupplier;

/**
 * The {@code Date} header's value, IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}, 29 bytes),
 * re-encoded at most once a second of the clock and shared by every thread.
 *
 * <p>Thread-safe: each second's bytes live in an immutable stamp published through a volatile field;
 * threads that race at a second's turn each encode it once, which is harmless. Writing the date
 * allocates nothing except that once-a-second stamp.
 */
public final class HttpDate {

    /** The date by the system clock. */
    public static final HttpDate SYSTEM = new HttpDate(System::currentTimeMillis);

    /** Bytes in an IMF-fixdate. */
    public static final int LENGTH = 29;

    private static final String DAYS = "ThuFriSatSunMonTueWed";
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private record Stamp(long epochSecond, byte[] bytes) { }

    private final LongSupplier clockMs;
    private volatile Stamp current = new Stamp(Long.MIN_VALUE, new byte[LENGTH]);

    /** @param clockMs milliseconds since the epoch */
    public HttpDate(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    /** Puts the current date's 29 bytes at the buffer's position. */
    public void put(ByteBuffer out) {
        long second = Math.floorDiv(clockMs.getAsLong(), 1000L);
        Stamp stamp = current;
        if (stamp.epochSecond != second) {
            stamp = new Stamp(second, encode(second));
            current = stamp;
        }
        out.put(stamp.bytes);
    }

    /** The IMF-fixdate of {@code epochSecond}, as ASCII bytes. */
    public static byte[] encode(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        int weekday = (int) Math.floorMod(days, 7L);
        byte[] b = new byte[LENGTH];
        int i = 0;
        for (int k = 0; k < 3; k++) {
            b[i++] = (byte) DAYS.charAt(weekday * 3 + k);
        }
        b[i++] = ',';
        b[i++] = ' ';
        i = two(b, i, date.getDayOfMonth());
        b[i++] = ' ';
        for (int k = 0; k < 3; k++) {
            b[i++] = (byte) MONTHS.charAt((date.getMonthValue() - 1) * 3 + k);
        }
        b[i++] = ' ';
        int year = date.getYear();
        i = two(b, i, year / 100 % 100);
        i = two(b, i, year % 100);
        b[i++] = ' ';
        i = two(b, i, secondOfDay / 3600);
        b[i++] = ':';
        i = two(b, i, secondOfDay / 60 % 60);
        b[i++] = ':';
        i = two(b, i, secondOfDay % 60);
        System.arraycopy(" GMT".getBytes(StandardCharsets.US_ASCII), 0, b, i, 4);
        return b;
    }

    private static int two(byte[] b, int i, int v) {
        b[i] = (byte) ('0' + v / 10);
        b[i + 1] = (byte) ('0' + v % 10);
        return i + 2;
    }
}
