package mpmbench.server.http.ascii;

/** Byte-level ASCII helpers for the parser; static, allocation-free. */
public final class Ascii {

    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private Ascii() {
    }

    /** RFC 9110 tchar: what a method or header name may contain. */
    public static boolean isTokenChar(byte b) {
        return b >= 0 && TCHAR[b];
    }

    public static boolean isTokenRange(byte[] b, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isTokenChar(b[i])) {
                return false;
            }
        }
        return true;
    }

    public static boolean isWhite(byte b) {
        return b == ' ' || b == '\t';
    }

    /** Compares {@code b[from, to)} with a lower-case ASCII constant, ignoring the case of letters. */
    public static boolean equalsLower(byte[] b, int from, int to, String lower) {
        if (to - from != lower.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lower.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    public static int digit(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : -1;
    }

    public static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int c = b | 0x20;
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
