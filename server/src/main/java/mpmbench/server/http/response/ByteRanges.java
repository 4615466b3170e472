package mpmbench.server.http.response;

import mpmbench.server.http.ascii.Ascii;

/**
 * Serves a Range request (RFC 9110 14.2) on a representation held as an array: one byte range is a
 * 206 with Content-Range (14.4), a range set with no satisfiable range a 416 with
 * {@code Content-Range: bytes *}{@code /length} (15.5.17). A Range the server may ignore is ignored
 * and the whole 200 goes out: a unit other than {@code bytes}, a set that breaks the grammar (14.1.1),
 * and a set of several ranges. httpd answers the last with multipart/byteranges; this server does not
 * (RFC 9110 14.2 lets it), see {@code server/CONFORMANCE.md}. Static; allocates nothing.
 */
final class ByteRanges {

    /** More digits than this is not a position any body here has (and would overflow a long). */
    private static final int MAX_DIGITS = 18;

    private ByteRanges() {
    }

    /** Applies the Range value {@code v[from, to)} to a 200 whose body is an array slice. */
    static void apply(byte[] v, int from, int to, Response response) {
        long total = response.bodyLength();
        if (to - from < 6 || !Ascii.equalsLower(v, from, from + 5, "bytes") || v[from + 5] != '=') {
            return; // another unit (or none): ignored
        }
        int specFrom = -1;
        int specTo = -1;
        int specs = 0;
        int start = from + 6;
        for (int i = start; i <= to; i++) {
            if (i == to || v[i] == ',') {
                int a = start;
                int b = i;
                while (a < b && Ascii.isWhite(v[a])) {
                    a++;
                }
                while (b > a && Ascii.isWhite(v[b - 1])) {
                    b--;
                }
                if (a < b) {
                    specs++;
                    specFrom = a;
                    specTo = b;
                }
                start = i + 1;
            }
        }
        if (specs != 1) {
            return; // no range: invalid; several: served whole
        }
        int dash = specFrom;
        while (dash < specTo && v[dash] != '-') {
            dash++;
        }
        if (dash == specTo) {
            return;
        }
        long first;
        long last;
        if (dash == specFrom) {
            long suffix = digits(v, dash + 1, specTo);
            if (suffix < 0) {
                return;
            }
            if (suffix == 0 || total == 0) {
                response.rangeNotSatisfiable(total);
                return;
            }
            first = Math.max(0, total - suffix);
            last = total - 1;
        } else {
            first = digits(v, specFrom, dash);
            last = dash + 1 == specTo ? Long.MAX_VALUE : digits(v, dash + 1, specTo);
            if (first < 0 || last < first) {
                return; // not an int-range: invalid, ignored
            }
            if (first >= total) {
                response.rangeNotSatisfiable(total);
                return;
            }
            last = Math.min(last, total - 1);
        }
        response.partial(first, last, total);
    }

    /** {@code 1*DIGIT} in {@code v[from, to)}, or -1. */
    private static long digits(byte[] v, int from, int to) {
        if (from >= to || to - from > MAX_DIGITS) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            int d = Ascii.digit(v[i]);
            if (d < 0) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }
}
