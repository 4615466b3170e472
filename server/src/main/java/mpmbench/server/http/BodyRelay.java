package mpmbench.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import mpmbench.server.http.io.ChannelIo;
import mpmbench.server.http.request.AnswerAndCloseException;
import mpmbench.server.http.request.RequestParser;

/**
 * Passes a request body on to the response as the parser decodes it ({@link
 * mpmbench.server.http.response.Response#sendRequestBody}, POST /echo): read a batch, write it, read
 * the next, in the connection's own two buffers, so a body of any size (a 100 MiB one in a 64 MiB heap)
 * costs no memory. Framed by the request's Content-Length, or re-chunked one chunk per batch when the
 * request was chunked (close-delimited to an HTTP/1.0 client, which cannot read chunks).
 *
 * <p>The status and head are out before the body is read, so a body that breaks off (bad chunk
 * framing, over LimitRequestBody, silent for Timeout, the client gone) can no longer be answered
 * with a status: the response is cut short instead, which a client sees as an incomplete message
 * (RFC 9112 8), and the connection ends ({@link ConnectionDiedException}).
 *
 * <p>A client must read the answer while it sends, as curl does: one that sends everything before
 * reading stalls once the socket buffers are full, and the write gives up after Timeout.
 *
 * <p>One per connection loop, single-threaded, allocates nothing.
 */
final class BodyRelay {

    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};
    /** Room for a chunk-size line and the CRLF after the data, in bytes. */
    private static final int CHUNK_FRAME = 16;

    private final RequestParser parser;
    private final ByteBuffer in;
    private final ByteBuffer out;

    BodyRelay(RequestParser parser, ByteBuffer in, ByteBuffer out) {
        this.parser = parser;
        this.in = in;
        this.out = out;
    }

    /**
     * Relays the rest of the current request's body (the parser is past its head, set to
     * {@link RequestParser#streamBody stream}) after the head already in the write buffer.
     *
     * @return bytes written after the head, framing included
     * @throws ConnectionDiedException when the body breaks off or the client stops reading
     */
    long relay(ChannelIo io, long timeoutMs, boolean chunked) {
        long sent = 0;
        try {
            for (;;) {
                RequestParser.Result result;
                try {
                    result = parser.parse(in);
                } catch (AnswerAndCloseException e) {
                    throw new ConnectionDiedException("request body broken off under a streamed answer: "
                            + e.getMessage());
                }
                if (result == RequestParser.Result.BODY_DATA) {
                    sent += put(in.array(), in.arrayOffset() + parser.bodySliceStart(), parser.bodySliceLength(),
                            chunked, io, timeoutMs);
                } else if (result == RequestParser.Result.COMPLETE) {
                    break;
                } else {
                    flush(io, timeoutMs);
                    fill(io, timeoutMs);
                }
            }
            if (chunked) {
                room(LAST_CHUNK.length, io, timeoutMs);
                out.put(LAST_CHUNK);
                sent += LAST_CHUNK.length;
            }
            return sent;
        } catch (IOException e) {
            throw new ConnectionDiedException(e);
        }
    }

    private long put(byte[] data, int offset, int length, boolean chunked, ChannelIo io, long timeoutMs)
            throws IOException {
        long sent = 0;
        int done = 0;
        while (done < length) {
            room(chunked ? CHUNK_FRAME + 1 : 1, io, timeoutMs);
            int n = Math.min(length - done, out.remaining() - (chunked ? CHUNK_FRAME : 0));
            int before = out.position();
            if (chunked) {
                putHex(n);
                out.put((byte) '\r').put((byte) '\n');
            }
            out.put(data, offset + done, n);
            if (chunked) {
                out.put((byte) '\r').put((byte) '\n');
            }
            sent += out.position() - before;
            done += n;
        }
        return sent;
    }

    private void putHex(int n) {
        int shift = 28;
        while (shift > 0 && (n >>> shift) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            out.put((byte) Character.forDigit((n >>> shift) & 0xf, 16));
        }
    }

    private void room(int bytes, ChannelIo io, long timeoutMs) throws IOException {
        if (out.remaining() < bytes) {
            flush(io, timeoutMs);
        }
    }

    private void flush(ChannelIo io, long timeoutMs) throws IOException {
        if (out.position() > 0) {
            out.flip();
            try {
                io.write(out, timeoutMs);
            } finally {
                out.clear();
            }
        }
    }

    /** Reads more of the body into the (fully parsed, so empty) read buffer. */
    private void fill(ChannelIo io, long timeoutMs) throws IOException {
        in.clear();
        int n;
        try {
            n = io.read(in, timeoutMs);
        } finally {
            in.flip();
        }
        if (n == 0) {
            throw new ConnectionDiedException("request body silent for Timeout under a streamed answer");
        }
        if (n < 0) {
            throw new ConnectionDiedException("end of stream within a streamed request body");
        }
    }
}
