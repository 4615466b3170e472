package mpmbench.server.child;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import java.util.function.IntConsumer;

import mpmbench.server.config.ConfigLoader;
import mpmbench.server.config.Mpm;
import mpmbench.server.config.ServerConfig;
import mpmbench.server.mpm.ChildContext;
import mpmbench.server.mpm.WorkerThread;
import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * The part of {@link ChildTraining} that takes a child's own start and serving path, so that the
 * AOT cache holds it too: {@link ChildMain}'s steps before it accepts (the configuration from
 * {@code --set} arguments, the inherited channel, the parent's pid from /proc, the scoreboard mapped and written through its VarHandles), then requests served by a
 * {@link WorkerThread} whose every state and count goes to a scoreboard, as in prefork, worker and
 * event. Without it, 364 of a child's 1814 classes at start came from the jar or were spun at run
 * time (measured with {@code -Xlog:class+load}, see server/README.md). Uses a scoreboard file in the
 * temporary folder, deleted at the end.
 */
final class TrainingChildPath {

    private TrainingChildPath() {
    }

    /**
     * Runs the path once, with {@code client} sending requests to the port it is given (keep-alive,
     * then closing); returns when the connection is over.
     */
    static void run(IntConsumer client) throws Exception {
        long pid = ProcessHandle.current().pid();
        try (ParentProcess parent = ParentProcess.open()) {
            parent.pid();
        }
        System.inheritedChannel();
        TimeZone.getDefault();
        List<String> sets = ConfigLoader.toSetArguments(ConfigLoader.forModel(Mpm.PREFORK)
                .set("MaxKeepAliveRequests=0").load().config());
        ServerConfig config = ConfigLoader.forModel(Mpm.PREFORK).set(sets).load().config();
        Path file = Files.createTempFile("mpmbench-training-", ".scoreboard");
        Files.delete(file);
        try (SharedScoreboard master = SharedScoreboard.create(file, 1, 1, Mpm.PREFORK.ordinal(), pid);
             SharedScoreboard board = SharedScoreboard.open(file);
             ServerSocketChannel listen = ServerSocketChannel.open()) {
            master.claimProcess(0, pid, 0);
            listen.bind(new InetSocketAddress("127.0.0.1", 0));
            ChildContext ctx = new ChildContext(config, listen, board, 0);
            board.setProcessState(0, ProcessState.READY);
            board.quitRequested(0);
            ctx.stopIfRetired();
            Thread worker = Thread.ofPlatform().start(() -> serveOne(ctx, listen));
            client.accept(((InetSocketAddress) listen.getLocalAddress()).getPort());
            worker.join();
            master.processRequests(0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void serveOne(ChildContext ctx, ServerSocketChannel listen) {
        WorkerThread worker = new WorkerThread(ctx, 0);
        try {
            worker.status(WorkerStatus.READY);
            SocketChannel ch = listen.accept();
            if (ctx.accepted(ch)) {
                worker.serveToEnd(ch);
            }
        } catch (IOException e) {
            throw new IllegalStateException("training connection failed", e);
        } finally {
            worker.release();
        }
    }
}
