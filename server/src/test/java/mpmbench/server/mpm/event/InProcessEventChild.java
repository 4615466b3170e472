package mpmbench.server.mpm.event;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.List;

import mpmbench.server.config.ConfigLoader;
import mpmbench.server.config.Mpm;
import mpmbench.server.config.ServerConfig;
import mpmbench.server.mpm.ChildContext;
import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * One real {@link EventChild} in the test's JVM, for the event model's tests: a listening socket on an
 * ephemeral loopback port, a one-process scoreboard in {@code dir} with this JVM in slot {@link #SLOT},
 * the child's selector loop on a thread of its own. {@link #stop} ends it (the child must stop within 10 s).
 */
final class InProcessEventChild {

    static final int SLOT = 0;

    final ServerSocketChannel listen;
    final SharedScoreboard board;
    final ChildContext ctx;
    final EventChild child;
    private final Thread listener;

    /** Starts a child with the event model's defaults and {@code sets} ("Directive=value"). */
    InProcessEventChild(Path dir, String... sets) throws Exception {
        listen = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        ServerConfig config = ConfigLoader.forModel(Mpm.EVENT).set(List.of(sets)).load().config();
        board = SharedScoreboard.create(dir.resolve("board"), 1, config.threadsPerChild(), Mpm.EVENT.ordinal(), 1);
        board.claimProcess(SLOT, ProcessHandle.current().pid(), 0);
        ctx = new ChildContext(config, listen, board, SLOT);
        child = new EventChild(ctx);
        ctx.onStop(child::stopAccepting);
        board.setProcessState(SLOT, ProcessState.READY);
        listener = Thread.ofPlatform().name("event-child").start(() -> {
            try {
                child.run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    void stop() throws Exception {
        ctx.stop();
        listener.join(10_000);
        assertTrue(!listener.isAlive(), "the event child did not stop within 10 s");
        board.close();
    }
}
