package mpmbench.loadgen.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** {@code http://}: the bytes as they are, straight to and from the socket. Stateless, one for all. */
final class PlainWire implements Wire {

    static final PlainWire INSTANCE = new PlainWire();

    private PlainWire() {
    }

    @Override
    public boolean handshake(Connection c, long now) {
        return true;
    }

    @Override
    public int read(SocketChannel ch, ByteBuffer dst) throws IOException {
        return ch.read(dst);
    }

    @Override
    public boolean moreToRead(int r, int capacity) {
        return r == capacity;
    }

    @Override
    public boolean write(SocketChannel ch, ByteBuffer src) throws IOException {
        ch.write(src);
        return !src.hasRemaining();
    }

    @Override
    public void closing(SocketChannel ch) {
        // nothing kept
    }
}
