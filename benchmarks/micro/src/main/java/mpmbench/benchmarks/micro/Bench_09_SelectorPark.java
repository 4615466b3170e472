package mpmbench.benchmarks.micro;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parking an idle keep-alive connection in the selector and taking it back, on the selector thread,
 * for a connected loopback TCP socket with nothing to read. Two ways:
 * <ul>
 *   <li>{@code interestOps}: the key stays registered; parking sets OP_READ, taking back sets 0 (what
 *       the event model does). The JDK applies each change at the next select with one epoll_ctl.</li>
 *   <li>{@code registerCancel}: parking registers the channel anew, taking back cancels the key;
 *       a new SelectionKey each time, and the cancelled key is flushed at the next select.</li>
 * </ul>
 * Each step is followed by a {@code selectNow()}, as the event loop selects between them anyway, so
 * the change reaches the kernel inside the measured time.
 *
 * <p>Reading: ns per park+take-back (and B/op with {@code -prof gc}: register allocates a key, the
 * interest change allocates nothing). It is what the event model adds per keep-alive request over
 * the worker model, which leaves the connection with its thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class Bench_09_SelectorPark {

    private ServerSocketChannel listen;
    private SocketChannel client;
    private SocketChannel server;
    private Selector selector;
    private SelectionKey key;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        listen = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = SocketChannel.open(listen.getLocalAddress());
        server = listen.accept();
        server.configureBlocking(false);
        selector = Selector.open();
        key = server.register(selector, 0);
        selector.selectNow();
    }

    @Benchmark
    public int interestOps() throws IOException {
        key.interestOps(SelectionKey.OP_READ);
        int n = selector.selectNow();
        key.interestOps(0);
        return n + selector.selectNow();
    }

    @Benchmark
    public int registerCancel() throws IOException {
        key.cancel();
        int n = selector.selectNow();
        key = server.register(selector, SelectionKey.OP_READ);
        return n + selector.selectNow();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        selector.close();
        server.close();
        client.close();
        listen.close();
    }
}
