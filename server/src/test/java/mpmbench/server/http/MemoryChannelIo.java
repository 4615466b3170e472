package mpmbench.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

import mpmbench.server.http.io.ChannelIo;

/**
 * An in-memory {@link ChannelIo} for tests: reads hand out queued chunks (an empty chunk reads as a
 * timeout), then end of stream; writes collect into a byte array. Can also replay one chunk forever.
 */
public final class MemoryChannelIo implements ChannelIo {

    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    /** Chunks (by identity) that stand for bytes a TLS engine already holds above the socket. */
    private final java.util.Set<byte[]> aboveTheSocket = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private byte[] repeat;
    private boolean discardOutput;

    /** Queues {@code s} (ISO-8859-1) as one read. */
    public MemoryChannelIo then(String s) {
        chunks.add(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** Queues {@code s} as one read of bytes already received above the socket ({@link #buffered}). */
    public MemoryChannelIo thenBuffered(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        aboveTheSocket.add(b);
        chunks.add(b);
        return this;
    }

    /** True when the next read hands out a chunk queued by {@link #thenBuffered}. */
    @Override
    public boolean buffered() {
        return !chunks.isEmpty() && aboveTheSocket.contains(chunks.peek());
    }

    /** Queues a read that times out. */
    public MemoryChannelIo thenTimeout() {
        chunks.add(new byte[0]);
        return this;
    }

    /** Every read returns {@code chunk} (allocation tests); output is discarded. */
    public MemoryChannelIo repeating(byte[] chunk) {
        repeat = chunk;
        discardOutput = true;
        return this;
    }

    @Override
    public int read(ByteBuffer dst, long timeoutMs) {
        if (repeat != null) {
            dst.put(repeat);
            return repeat.length;
        }
        byte[] next = chunks.poll();
        if (next == null) {
            return -1;
        }
        int n = Math.min(next.length, dst.remaining());
        dst.put(next, 0, n);
        if (n < next.length) {
            chunks.addFirst(java.util.Arrays.copyOfRange(next, n, next.length));
        }
        return n;
    }

    @Override
    public void write(ByteBuffer src, long timeoutMs) {
        if (discardOutput) {
            src.position(src.limit());
            return;
        }
        while (src.hasRemaining()) {
            written.write(src.get());
        }
    }

    public String written() {
        return written.toString(StandardCharsets.ISO_8859_1);
    }

    /** Stops a repeating read loop: the next read is end of stream. */
    public void stop() {
        repeat = null;
    }
}
