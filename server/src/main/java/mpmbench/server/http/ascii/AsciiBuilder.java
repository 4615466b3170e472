package mpmbench.server.http.ascii;

/**
 * A reusable, growable ASCII text buffer for small response bodies built per request (numbers,
 * short messages) without creating Strings. Chars above 0xFF are written as {@code ?}.
 * Single-threaded; grows only past its largest size so far.
 */
public final class AsciiBuilder {

    private byte[] bytes = new byte[256];
    private int length;

    public AsciiBuilder append(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            bytes[length++] = c <= 0xff ? (byte) c : (byte) '?';
        }
        return this;
    }

    public AsciiBuilder append(char c) {
        ensure(1);
        bytes[length++] = c <= 0xff ? (byte) c : (byte) '?';
        return this;
    }

    /** Appends {@code v} in decimal. */
    public AsciiBuilder append(long v) {
        ensure(20);
        length = Numbers.putDecimal(bytes, length, v);
        return this;
    }

    /** Appends {@code v} as 16 lower-case hex digits. */
    public AsciiBuilder appendHex(long v) {
        ensure(16);
        for (int shift = 60; shift >= 0; shift -= 4) {
            bytes[length++] = (byte) "0123456789abcdef".charAt((int) (v >>> shift) & 0xf);
        }
        return this;
    }

    public int length() {
        return length;
    }

    public byte[] array() {
        return bytes;
    }

    public void clear() {
        length = 0;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(length + more, 2 * bytes.length));
        }
    }
}
