package mpmbench.server.child;

import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import mpmbench.server.config.ConfigLoader;
import mpmbench.server.config.Mpm;
import mpmbench.server.config.ServerConfig;
import mpmbench.server.http.ConnectionDiedException;
import mpmbench.server.http.Outcome;
import mpmbench.server.mpm.ChildContext;
import mpmbench.server.mpm.ChildModel;
import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * Entry point of a child process, started by the master only. The listening socket arrives as
 * stdin ({@link System#inheritedChannel()}); the scoreboard is the only channel between master and
 * child. Arguments are parsed by hand: picocli would cost every child start time for a fixed,
 * machine-written command line.
 */
public final class ChildMain {

    private static final long WATCH_MS = 100;

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Mpm mpm = null;
        Path scoreboard = null;
        long masterPid = -1;
        int slot = -1;
        List<String> sets = new ArrayList<>();
        for (String a : args) {
            String value = a.substring(a.indexOf('=') + 1);
            if (a.startsWith("--mpm=")) {
                mpm = Mpm.parse(value);
            } else if (a.startsWith("--scoreboard=")) {
                scoreboard = Path.of(value);
            } else if (a.startsWith("--master-pid=")) {
                masterPid = Long.parseLong(value);
            } else if (a.startsWith("--slot=")) {
                slot = Integer.parseInt(value);
            } else if (a.startsWith("--set=")) {
                sets.add(value);
            } else if (!a.startsWith("--generation=")) {
                fail("unknown argument " + a);
            }
        }
        if (mpm == null || scoreboard == null || slot < 0 || masterPid < 0) {
            fail("started without --mpm, --scoreboard, --slot or --master-pid; children are started by the master");
        }
        Channel inherited = System.inheritedChannel();
        if (!(inherited instanceof ServerSocketChannel listen)) {
            fail("stdin is not a listening socket; children are started by the master");
            return;
        }
        ServerConfig config = ConfigLoader.forModel(mpm).set(sets).load().config();
        SharedScoreboard board = SharedScoreboard.open(scoreboard);
        ChildContext ctx = new ChildContext(config, listen, board, slot);
        ChildModel model = ChildModels.create(ctx);
        ctx.onStop(model::stopAccepting);
        // A log record's time stamp loads tzdb.dat on first use; loaded now, before the child takes
        // connections, a warning still prints when clients have taken every descriptor.
        TimeZone.getDefault();
        // How a connection ends (its Outcome, the exception a vanished client raises) is first needed
        // when clients leave, perhaps while they still hold every descriptor; from a class path of
        // directories (as in the tests) a class is a file to open, so they are loaded now.
        loadNow(Outcome.class, ConnectionDiedException.class);
        ParentProcess parent = ParentProcess.open();
        board.setProcessState(slot, ProcessState.READY);
        watch(ctx, parent, masterPid);
        try {
            model.run();
        } finally {
            board.setProcessState(slot, ProcessState.STOPPING);
        }
        // Threads of a finished model may still sit in blocking calls; nothing is left to serve.
        Runtime.getRuntime().halt(0);
    }

    /** Loads and initializes {@code classes} now rather than at their first use. */
    private static void loadNow(Class<?>... classes) throws ClassNotFoundException {
        for (Class<?> c : classes) {
            Class.forName(c.getName(), true, c.getClassLoader());
        }
    }

    /**
     * Watches the three things the master can say: "stop gracefully" (the slot's quit request),
     * "you may retire" (a child at MaxConnectionsPerChild whose successor accepts, even when no
     * connection arrives to notice it) and, by dying, "stop now" (a child must not outlive its
     * master, or it would keep serving on a socket nobody manages).
     */
    private static void watch(ChildContext ctx, ParentProcess parent, long masterPid) {
        Thread.ofPlatform().daemon().name("master-watch").start(() -> {
            while (true) {
                long ppid = parent.pid();
                if (ppid >= 0 && ppid != masterPid) {
                    Runtime.getRuntime().halt(0);
                }
                if (ctx.board().quitRequested(ctx.slot())) {
                    ctx.stop();
                }
                ctx.stopIfRetired();
                try {
                    Thread.sleep(WATCH_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private static void fail(String message) {
        System.err.println("mpmbench child: " + message);
        System.exit(2);
    }
}
