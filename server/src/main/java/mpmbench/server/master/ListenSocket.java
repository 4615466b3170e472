package mpmbench.server.master;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one listening socket every child accepts on, made with the Foreign Function &amp; Memory API
 * because Java cannot fork: socket/bind/listen here, then {@code dup2} onto the master's fd 0, so a
 * child started with inherited stdin finds it as {@code System.inheritedChannel()}. All children then
 * share the kernel's one accept queue, as Apache's children do after fork().
 *
 * <p>IPv4 only (the server listens on loopback). Needs {@code --enable-native-access} in the master.
 */
public final class ListenSocket {

    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int STDIN = 0;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final long ERRNO_OFFSET = Linker.Option.captureStateLayout()
            .byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SOCKET = fn("socket", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
    private static final MethodHandle SETSOCKOPT = fn("setsockopt", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
    private static final MethodHandle BIND = fn("bind", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
    private static final MethodHandle LISTEN = fn("listen", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT);
    private static final MethodHandle GETSOCKNAME = fn("getsockname", ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
    private static final MethodHandle DUP2 = fn("dup2", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT);
    private static final MethodHandle CLOSE = fn("close", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS.withTargetLayout(
                    java.lang.foreign.MemoryLayout.sequenceLayout(256, ValueLayout.JAVA_BYTE)),
                    ValueLayout.JAVA_INT));

    private final String host;
    private final int port;

    private ListenSocket(String host, int port) {
        this.host = host;
        this.port = port;
    }

    private static MethodHandle fn(String name, ValueLayout ret, ValueLayout... args) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), FunctionDescriptor.of(ret, args), ERRNO);
    }

    /**
     * Creates, binds and listens, then makes the socket this process's stdin.
     *
     * @param port 0 lets the kernel choose; {@link #port()} tells which it chose
     * @throws IOException with the address and the system's reason, e.g. "Address already in use"
     */
    public static ListenSocket openAsStdin(String host, int port, int backlog) throws IOException {
        byte[] ip = ipv4(host);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(Linker.Option.captureStateLayout());
            int fd = (int) SOCKET.invokeExact(errno, AF_INET, SOCK_STREAM, 0);
            check(fd, errno, "socket()");
            try {
                MemorySegment one = arena.allocate(ValueLayout.JAVA_INT);
                one.set(ValueLayout.JAVA_INT, 0, 1);
                check((int) SETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_REUSEADDR, one, 4), errno,
                        "setsockopt(SO_REUSEADDR)");
                MemorySegment addr = sockaddr(arena, ip, port);
                check((int) BIND.invokeExact(errno, fd, addr, 16), errno, "bind " + host + ":" + port);
                check((int) LISTEN.invokeExact(errno, fd, backlog), errno, "listen");
                MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
                len.set(ValueLayout.JAVA_INT, 0, 16);
                check((int) GETSOCKNAME.invokeExact(errno, fd, addr, len), errno, "getsockname");
                int actual = ((addr.get(ValueLayout.JAVA_BYTE, 2) & 0xff) << 8) | (addr.get(ValueLayout.JAVA_BYTE, 3) & 0xff);
                check((int) DUP2.invokeExact(errno, fd, STDIN), errno, "dup2 onto stdin");
                return new ListenSocket(host, actual);
            } finally {
                if (fd != STDIN) {
                    int ignored = (int) CLOSE.invokeExact(errno, fd);
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("cannot create the listening socket: " + t, t);
        }
    }

    private static MemorySegment sockaddr(Arena arena, byte[] ip, int port) {
        MemorySegment a = arena.allocate(16);
        a.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
        a.set(ValueLayout.JAVA_BYTE, 2, (byte) (port >>> 8));
        a.set(ValueLayout.JAVA_BYTE, 3, (byte) port);
        for (int i = 0; i < 4; i++) {
            a.set(ValueLayout.JAVA_BYTE, 4 + i, ip[i]);
        }
        return a;
    }

    private static byte[] ipv4(String host) throws IOException {
        try {
            byte[] ip = InetAddress.getByName(host).getAddress();
            if (ip.length != 4) {
                throw new IOException("Listen " + host + ": only IPv4 addresses are supported");
            }
            return ip;
        } catch (UnknownHostException e) {
            throw new IOException("Listen " + host + ": unknown host", e);
        }
    }

    private static void check(int rc, MemorySegment errno, String what) throws Throwable {
        if (rc < 0) {
            int code = errno.get(ValueLayout.JAVA_INT, ERRNO_OFFSET);
            MemorySegment msg = (MemorySegment) STRERROR.invokeExact(code);
            throw new IOException(what + ": " + msg.getString(0));
        }
    }

    /**
     * Closes this process's copy of the socket (its stdin); children keep theirs until they exit.
     * Once every copy is closed, connects are refused. Never throws.
     */
    public void close() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(Linker.Option.captureStateLayout());
            int ignored = (int) CLOSE.invokeExact(errno, STDIN);
        } catch (Throwable t) {
            // Nothing to do: the socket closes with the process.
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
