package mpmbench.loadgen.engine;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * {@code http://} on {@link EpollPoller}: the bytes as they are, with {@code recv} and {@code send} on the
 * socket's descriptor through the FFM API ({@link LinuxNet}) instead of the channel's read and write (no
 * channel lock, no begin/end, no copy through a temporary direct buffer: {@code recv} writes into the
 * loop's heap buffer, {@code send} reads the connection's direct request buffer). One per connection
 * (it knows the connection, whose descriptor changes with each reconnect), made when the run is set up;
 * other buffers (a trickling connection's byte, a probe's CRLF) are copied through a small native
 * scratch. The socket has no channel ({@link NativeSockets}). Allocates nothing per call; an error is an
 * {@link IOException}, as the channel's.
 * Owned by one loop thread.
 */
final class FdWire implements Wire {

    private final Connection c;
    private final ByteBuffer readBuffer;
    private final MemorySegment readSegment;
    private final long outAddress;
    /** Native room for a buffer that is not the request buffer (a trickled byte, a probe's CRLF). */
    private final MemorySegment scratch = Arena.ofAuto().allocate(SCRATCH_BYTES, 8);
    private static final int SCRATCH_BYTES = 64;

    /**
     * @param readBuffer  the loop's heap read buffer, {@code readSegment} the segment of its whole array
     */
    FdWire(Connection c, ByteBuffer readBuffer, MemorySegment readSegment) {
        this.c = c;
        this.readBuffer = readBuffer;
        this.readSegment = readSegment;
        this.outAddress = c.out.isDirect() ? MemorySegment.ofBuffer(c.out.duplicate().clear()).address() : 0;
    }

    @Override
    public boolean handshake(Connection conn, long now) {
        return true;
    }

    @Override
    public int read(SocketChannel ch, ByteBuffer dst) throws IOException {
        if (dst != readBuffer || dst.position() != 0) {
            throw new IOException("FdWire reads only into the loop's read buffer");
        }
        long n;
        while (true) {
            try {
                n = (long) LinuxNet.RECV.invokeExact(c.fd, readSegment, (long) dst.limit(), 0);
            } catch (Throwable e) {
                throw new IOException("recv failed", e);
            }
            if (n >= 0) {
                if (n == 0) {
                    return -1; // the end of the stream
                }
                dst.position((int) n);
                return (int) n;
            }
            int e = LinuxNet.errno();
            if (e == LinuxNet.EAGAIN) {
                return 0;
            }
            if (e != LinuxNet.EINTR) {
                throw new IOException("recv: errno " + e);
            }
        }
    }

    @Override
    public boolean moreToRead(int r, int capacity) {
        return r == capacity; // a close left unread is handed over again by EpollPoller (peerClosed)
    }

    @Override
    public boolean write(SocketChannel ch, ByteBuffer src) throws IOException {
        boolean direct = src == c.out && outAddress != 0;
        while (src.hasRemaining()) {
            int pos = src.position();
            long address;
            long len;
            if (direct) {
                address = outAddress + pos;
                len = src.limit() - pos;
            } else { // through the scratch, a few bytes at a time: no allocation
                len = Math.min(SCRATCH_BYTES, src.remaining());
                for (int i = 0; i < len; i++) {
                    scratch.set(java.lang.foreign.ValueLayout.JAVA_BYTE, i, src.get(pos + i));
                }
                address = scratch.address();
            }
            long n;
            try {
                n = (long) LinuxNet.SEND.invokeExact(c.fd, address, len, LinuxNet.MSG_NOSIGNAL);
            } catch (Throwable e) {
                throw new IOException("send failed", e);
            }
            if (n >= 0) {
                src.position(pos + (int) n);
                continue;
            }
            int e = LinuxNet.errno();
            if (e == LinuxNet.EAGAIN) {
                return false;
            }
            if (e != LinuxNet.EINTR) {
                throw new IOException("send: errno " + e);
            }
        }
        return true;
    }

    @Override
    public void closing(SocketChannel ch) {
        // nothing kept
    }
}
