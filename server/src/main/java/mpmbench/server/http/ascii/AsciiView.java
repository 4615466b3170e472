package mpmbench.server.http.ascii;

import java.nio.charset.StandardCharsets;

/**
 * A reusable window onto ASCII bytes, read as chars, so a request's path and query can be compared
 * without creating a String ({@code "/hello".contentEquals(view)} allocates nothing).
 *
 * <p>The window moves with each request on the owning thread: read it while handling the request,
 * never keep it. {@link #toString()} and {@link #subSequence} allocate; keep them off hot paths.
 */
public final class AsciiView implements CharSequence {

    private byte[] bytes = new byte[0];
    private int offset;
    private int length;

    public void set(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (bytes[offset + index] & 0xff);
    }

    /** True when the bytes equal {@code ascii}, compared char by char. */
    public boolean contentEquals(CharSequence ascii) {
        if (ascii.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((bytes[offset + i] & 0xff) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    @Override
    public String toString() {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
