package mpmbench.server.http.response;

import mpmbench.server.http.ascii.Ascii;

/**
 * Compares a representation's entity tag with the list a request sends in If-Match, If-None-Match or
 * If-Range (RFC 9110 8.8.3): {@code "*"} or {@code 1#entity-tag}, where an entity-tag is
 * {@code [W/] DQUOTE *etagc DQUOTE} and may itself hold commas, so the list is scanned tag by tag
 * rather than split. Static; allocates nothing.
 */
final class EntityTags {

    private EntityTags() {
    }

    /**
     * True when the list {@code v[from, to)} is {@code *} or names {@code etag} (with its quotes, and
     * its {@code W/} if weak). The strong comparison (If-Match, If-Range) needs both tags strong; the
     * weak one (If-None-Match) ignores {@code W/}. A list that breaks the grammar matches nothing from
     * the first bad element on.
     */
    static boolean matches(byte[] v, int from, int to, byte[] etag, boolean weakComparison) {
        boolean ourWeak = etag.length > 2 && etag[0] == 'W' && etag[1] == '/';
        int ourStart = ourWeak ? 2 : 0;
        int i = from;
        while (i < to) {
            byte b = v[i];
            if (b == ',' || Ascii.isWhite(b)) {
                i++;
                continue;
            }
            if (b == '*') {
                return true;
            }
            boolean weak = false;
            if (b == 'W' && i + 1 < to && v[i + 1] == '/') {
                weak = true;
                i += 2;
            }
            if (i >= to || v[i] != '"') {
                return false;
            }
            int start = i++;
            while (i < to && v[i] != '"') {
                i++;
            }
            if (i == to) {
                return false;
            }
            i++; // past the closing quote: the tag with its quotes is v[start, i)
            if ((weakComparison || !weak && !ourWeak) && sameOpaque(v, start, i, etag, ourStart)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameOpaque(byte[] v, int start, int end, byte[] etag, int ourStart) {
        if (end - start != etag.length - ourStart) {
            return false;
        }
        for (int k = 0; k < end - start; k++) {
            if (v[start + k] != etag[ourStart + k]) {
                return false;
            }
        }
        return true;
    }
}
