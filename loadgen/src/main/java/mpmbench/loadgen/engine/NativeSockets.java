package mpmbench.loadgen.engine;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A plain connection's whole socket on {@link EpollPoller} through the FFM API, without a
 * {@code SocketChannel}: {@code socket} (non-blocking and close-on-exec in the call itself),
 * {@code setsockopt(TCP_NODELAY)}, {@code bind} for {@code --bind}, {@code connect}, {@code getsockopt(SO_ERROR)}
 * when the connect has finished, {@code close}. A new connection costs these five calls and one
 * {@code epoll_ctl}, where the channel adds two {@code fcntl} (non-blocking), two {@code getsockname}
 * (its local address after connect and finishConnect), a {@code poll} in {@code finishConnect} and two
 * {@code epoll_ctl} more (the interest changes, which the edge-triggered registration does not need).
 * Addresses are encoded once ({@code sockaddr_in}/{@code sockaddr_in6}) and kept. Owned by one loop thread.
 */
final class NativeSockets implements AutoCloseable {

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_NODELAY = 1;
    private static final int SOL_SOCKET = 1;
    private static final int SO_ERROR = 4;
    private static final int EINPROGRESS = 115;

    private static final MethodHandle SOCKET;
    private static final MethodHandle SETSOCKOPT;
    private static final MethodHandle GETSOCKOPT;
    private static final MethodHandle BIND;
    private static final MethodHandle CONNECT;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        SOCKET = linker.downcallHandle(libc.find("socket").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        SETSOCKOPT = linker.downcallHandle(libc.find("setsockopt").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.critical(false));
        GETSOCKOPT = linker.downcallHandle(libc.find("getsockopt").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), Linker.Option.critical(false));
        BIND = linker.downcallHandle(libc.find("bind").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.critical(false));
        CONNECT = linker.downcallHandle(libc.find("connect").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.critical(false));
    }

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment one = arena.allocate(4, 4);
    private final MemorySegment optLen = arena.allocate(4, 4);
    private final MemorySegment soError = arena.allocate(4, 4);
    private final Map<InetSocketAddress, MemorySegment> addresses = new IdentityHashMap<>();
    private boolean connectedAtOnce;

    NativeSockets() {
        one.set(JAVA_INT, 0, 1);
    }

    /**
     * Opens a non-blocking TCP socket to {@code to} (from {@code from} when not {@code null}) and starts
     * its connect.
     *
     * @return the descriptor; {@link #connectedAtOnce()} says whether the connect completed at once
     * @throws IOException when the socket cannot be made, bound or connected (a connect error)
     */
    int open(InetSocketAddress to, InetSocketAddress from) throws IOException {
        MemorySegment dst = sockaddr(to);
        int fd;
        try {
            fd = (int) SOCKET.invokeExact(family(to), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw new IOException("socket: errno " + LinuxNet.errno());
            }
            boolean ok = false;
            try {
                int r = (int) SETSOCKOPT.invokeExact(fd, IPPROTO_TCP, TCP_NODELAY, one, 4);
                if (from != null) {
                    MemorySegment src = sockaddr(from);
                    r = (int) BIND.invokeExact(fd, src, (int) src.byteSize());
                    if (r != 0) {
                        throw new IOException("bind " + from + ": errno " + LinuxNet.errno());
                    }
                }
                r = (int) CONNECT.invokeExact(fd, dst, (int) dst.byteSize());
                if (r != 0) {
                    int e = LinuxNet.errno();
                    if (e != EINPROGRESS) {
                        throw new IOException("connect " + to + ": errno " + e);
                    }
                }
                connectedAtOnce = r == 0;
                ok = true;
            } finally {
                if (!ok) {
                    close(fd);
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("socket calls failed", e);
        }
        return fd;
    }

    /** Whether the last {@link #open}'s connect completed at once. */
    boolean connectedAtOnce() {
        return connectedAtOnce;
    }

    /**
     * The socket of a connect in progress became writable or failed: checks that it connected.
     *
     * @throws IOException when it failed (the socket's pending error)
     */
    void finishConnect(int fd) throws IOException {
        optLen.set(JAVA_INT, 0, 4);
        soError.set(JAVA_INT, 0, 0);
        int r;
        try {
            r = (int) GETSOCKOPT.invokeExact(fd, SOL_SOCKET, SO_ERROR, soError, optLen);
        } catch (Throwable e) {
            throw new IOException("getsockopt failed", e);
        }
        int pending = soError.get(JAVA_INT, 0);
        if (r != 0 || pending != 0) {
            throw new IOException("connect failed: errno " + (r != 0 ? LinuxNet.errno() : pending));
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) LinuxNet.CLOSE.invokeExact(fd);
        } catch (Throwable ignored) {
            // the descriptor is gone either way
        }
    }

    private static int family(InetSocketAddress a) {
        return a.getAddress() instanceof Inet4Address ? AF_INET : AF_INET6;
    }

    /** {@code a} as a {@code sockaddr_in} or {@code sockaddr_in6}, encoded once per address object. */
    private MemorySegment sockaddr(InetSocketAddress a) {
        MemorySegment s = addresses.get(a);
        if (s != null) {
            return s;
        }
        byte[] ip = a.getAddress().getAddress();
        ValueLayout.OfShort port = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
        if (ip.length == 4) {
            s = arena.allocate(16, 4);
            s.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
            s.set(port, 2, (short) a.getPort());
            MemorySegment.copy(ip, 0, s, ValueLayout.JAVA_BYTE, 4, 4);
        } else {
            s = arena.allocate(28, 4);
            s.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET6);
            s.set(port, 2, (short) a.getPort());
            MemorySegment.copy(ip, 0, s, ValueLayout.JAVA_BYTE, 8, 16);
            if (a.getAddress() instanceof java.net.Inet6Address v6) {
                s.set(JAVA_INT, 24, v6.getScopeId());
            }
        }
        addresses.put(a, s);
        return s;
    }

    @Override
    public void close() {
        arena.close();
    }
}
