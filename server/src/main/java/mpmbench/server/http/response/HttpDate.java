package mpmbench.server.http.response;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.LongSupplier;

import mpmbench.server.http.ascii.Ascii;

/**
 * The {@code Date} header's value, IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}, 29 bytes),
 * re-encoded at most once a second of the clock and shared by every thread; and the parser of the
 * HTTP-dates a request carries (If-Modified-Since and its kin), the other side of the same format.
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

    /**
     * Parses an HTTP-date (RFC 9110 5.6.7) in any of its three formats, as a recipient must accept:
     * IMF-fixdate {@code Sun, 06 Nov 1994 08:49:37 GMT}, the obsolete RFC 850 form
     * {@code Sunday, 06-Nov-94 08:49:37 GMT} (a two-digit year more than 50 years ahead is read as the
     * past century's) and asctime's {@code Sun Nov  6 08:49:37 1994}. Allocates nothing.
     *
     * @return seconds since the epoch, or -1 when {@code b[from, to)} is none of them
     */
    public static long parse(byte[] b, int from, int to) {
        int len = to - from;
        int comma = -1;
        for (int i = from; i < to && comma < 0; i++) {
            if (b[i] == ',') {
                comma = i;
            }
        }
        if (comma == from + 3 && len == LENGTH) {
            // IMF-fixdate
            if (b[from + 4] != ' ' || b[from + 7] != ' ' || b[from + 11] != ' ' || b[from + 16] != ' '
                    || b[from + 25] != ' ' || !gmt(b, from + 26)) {
                return -1;
            }
            return epochSecond(number(b, from + 12, 4), month(b, from + 8), number(b, from + 5, 2), b, from + 17);
        }
        if (comma > from + 3 && to - comma == 24) {
            // rfc850-date
            int c = comma;
            if (b[c + 1] != ' ' || b[c + 4] != '-' || b[c + 8] != '-' || b[c + 11] != ' ' || b[c + 20] != ' '
                    || !gmt(b, c + 21)) {
                return -1;
            }
            int yy = number(b, c + 9, 2);
            if (yy < 0) {
                return -1;
            }
            int thisYear = (int) (1970 + System.currentTimeMillis() / 1000 / 31_556_952L);
            int year = 2000 + yy > thisYear + 50 ? 1900 + yy : 2000 + yy;
            return epochSecond(year, month(b, c + 5), number(b, c + 2, 2), b, c + 12);
        }
        if (comma < 0 && len == 24) {
            // asctime-date: the day of the month is two digits or SP and one digit
            if (b[from + 3] != ' ' || b[from + 7] != ' ' || b[from + 10] != ' ' || b[from + 19] != ' ') {
                return -1;
            }
            int day = b[from + 8] == ' ' ? number(b, from + 9, 1) : number(b, from + 8, 2);
            return epochSecond(number(b, from + 20, 4), month(b, from + 4), day, b, from + 11);
        }
        return -1;
    }

    /** Seconds since the epoch of a date and the {@code hh:mm:ss} at {@code b[time]}, or -1 if invalid. */
    private static long epochSecond(int year, int month, int day, byte[] b, int time) {
        int h = number(b, time, 2);
        int m = number(b, time + 3, 2);
        int sec = number(b, time + 6, 2);
        if (year < 0 || month < 1 || day < 1 || day > 31 || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60
                || b[time + 2] != ':' || b[time + 5] != ':') {
            return -1;
        }
        // days from the civil date (proleptic Gregorian), as in java.time but without its objects
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
        return days * 86_400 + h * 3_600L + m * 60L + sec;
    }

    /** The month (1 to 12) named by the three bytes at {@code b[at]}, case-sensitive; -1 if none. */
    private static int month(byte[] b, int at) {
        for (int i = 0; i < 12; i++) {
            if (b[at] == MONTHS.charAt(i * 3) && b[at + 1] == MONTHS.charAt(i * 3 + 1)
                    && b[at + 2] == MONTHS.charAt(i * 3 + 2)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The decimal number in {@code b[at, at + digits)}, or -1 if a byte is not a digit. */
    private static int number(byte[] b, int at, int digits) {
        int v = 0;
        for (int i = at; i < at + digits; i++) {
            int d = Ascii.digit(b[i]);
            if (d < 0) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static boolean gmt(byte[] b, int at) {
        return b[at] == 'G' && b[at + 1] == 'M' && b[at + 2] == 'T';
    }

    private static int two(byte[] b, int i, int v) {
        b[i] = (byte) ('0' + v / 10);
        b[i + 1] = (byte) ('0' + v % 10);
        return i + 2;
    }
}
