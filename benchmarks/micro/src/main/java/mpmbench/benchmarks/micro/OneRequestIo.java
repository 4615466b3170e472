package mpmbench.benchmarks.micro;

import java.nio.ByteBuffer;

import mpmbench.server.http.io.ChannelIo;

/**
 * An in-memory {@link mpmbench.server.http.io.ChannelIo} that delivers one request per {@link #arm()}:
 * the first read after arming returns the whole request, the next one times out (0), so a connection
 * served with {@code parkWhenIdle} answers it and returns IDLE. Writes are counted and dropped.
 * Allocates nothing. Single-threaded.
 */
final class OneRequestIo implements ChannelIo {

    private final byte[] request;
    private boolean armed;
    private long written;

    OneRequestIo(byte[] request) {
        this.request = request;
    }

    void arm() {
        armed = true;
    }

    long written() {
        return written;
    }

    @Override
    public int read(ByteBuffer dst, long timeoutMs) {
        if (!armed) {
            return 0;
        }
        armed = false;
        dst.put(request);
        return request.length;
    }

    @Override
    public void write(ByteBuffer src, long timeoutMs) {
        written += src.remaining();
        src.position(src.limit());
    }
}
