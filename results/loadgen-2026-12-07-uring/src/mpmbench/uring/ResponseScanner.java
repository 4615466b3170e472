package mpmbench.uring;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;

/**
 * One connection's HTTP/1.1 response, scanned byte by byte as it arrives in however many pieces: the
 * status code (the three digits after "HTTP/1.1 "), {@code Content-Length} (any case), the empty line,
 * then that many body bytes. Enough for a static file over keep-alive; no chunked encoding (a response
 * without a length is a parse error). One per connection, reused for every response; allocates nothing.
 */
final class ResponseScanner {

    static final int NEED_MORE = 0;
    static final int COMPLETE = 1;
    static final int ERROR = -1;

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes();

    private boolean inBody;
    private int line;
    private int pos;
    private boolean lengthLine;
    private long length;
    private long remaining;
    private int status;

    void reset() {
        inBody = false;
        line = 0;
        pos = 0;
        lengthLine = true;
        length = -1;
        remaining = 0;
        status = 0;
    }

    int status() {
        return status;
    }

    /** Scans {@code n} bytes at {@code off}: {@link #COMPLETE} when they end the response exactly. */
    int feed(MemorySegment seg, long off, int n) {
        int i = 0;
        if (!inBody) {
            for (; i < n; i++) {
                byte b = seg.get(JAVA_BYTE, off + i);
                if (b == '\n') {
                    if (pos == 1) { // "\r\n": the end of the header block
                        if (length < 0) {
                            return ERROR;
                        }
                        inBody = true;
                        remaining = length;
                        i++;
                        break;
                    }
                    line++;
                    pos = 0;
                    lengthLine = true;
                    continue;
                }
                if (line == 0) {
                    if (pos >= 9 && pos <= 11) {
                        status = status * 10 + (b - '0');
                    }
                } else if (lengthLine) {
                    if (pos < CONTENT_LENGTH.length) {
                        lengthLine = (b | 0x20) == CONTENT_LENGTH[pos]; // '-' and ':' have bit 0x20 set already
                        if (lengthLine && pos == CONTENT_LENGTH.length - 1) {
                            length = 0;
                        }
                    } else if (b >= '0' && b <= '9') {
                        length = length * 10 + (b - '0');
                    }
                }
                pos++;
            }
        }
        if (inBody) {
            int left = n - i;
            if (left > remaining) {
                return ERROR; // more than the response: nothing else may be in flight
            }
            remaining -= left;
            if (remaining == 0) {
                return COMPLETE;
            }
        }
        return NEED_MORE;
    }
}
