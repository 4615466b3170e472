package mpmbench.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import mpmbench.server.http.io.ChannelIo;

/**
 * Writes response bodies after their head in the write buffer: small bodies are copied in (so
 * pipelined responses leave in one write), large ones stream out in slices. Repeating patterns are
 * read through a private duplicate, made once per pattern buffer, so the shared buffer is never
 * touched and streaming a pattern allocates nothing. Single-threaded, like its connection.
 */
final class BodyWriter {

    private final ByteBuffer out;
    private ByteBuffer pattern;
    private ByteBuffer view;

    BodyWriter(ByteBuffer out) {
        this.out = out;
    }

    void writeArray(byte[] body, int offset, int length, ChannelIo io, long timeoutMs) throws IOException {
        int done = 0;
        while (done < length) {
            if (!out.hasRemaining()) {
                flush(io, timeoutMs);
            }
            int n = Math.min(length - done, out.remaining());
            out.put(body, offset + done, n);
            done += n;
        }
    }

    void writeRepeating(ByteBuffer shared, long length, ChannelIo io, long timeoutMs) throws IOException {
        if (shared != pattern) {
            pattern = shared;
            view = shared.duplicate();
        }
        int start = shared.position();
        int end = shared.limit();
        boolean direct = length > out.remaining();
        if (direct) {
            flush(io, timeoutMs);
        }
        long left = length;
        while (left > 0) {
            int n = (int) Math.min(left, end - start);
            view.limit(start + n).position(start);
            if (direct) {
                io.write(view, timeoutMs);
            } else {
                out.put(view);
            }
            left -= n;
        }
    }

    private void flush(ChannelIo io, long timeoutMs) throws IOException {
        out.flip();
        try {
            io.write(out, timeoutMs);
        } finally {
            out.clear();
        }
    }
}
