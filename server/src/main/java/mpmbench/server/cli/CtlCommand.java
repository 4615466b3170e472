package mpmbench.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import mpmbench.cli.MpmbenchVersion;
import mpmbench.cli.UsageErrors;
import mpmbench.server.config.Listen;
import mpmbench.server.master.ControlRequest;
import mpmbench.server.master.DefaultPidFiles;
import mpmbench.server.master.PidFile;
import mpmbench.server.master.StaleFiles;
import mpmbench.server.scoreboard.ScoreboardFiles;
import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.StatusReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code mpmbench ctl}: apachectl for our server. Finds the master through its pid file (the one
 * named by {@code --pidfile}, else the default one of {@code --listen}'s address, else the one
 * default pid file naming a running master: {@link DefaultPidFiles}), asks it by the request's
 * signal when the master handles it (the scoreboard header says which) and through the
 * scoreboard's control word otherwise, and waits until the request took effect.
 *
 * <p>Exit status: 0 done; 1 failed or not running (stop, restart, graceful, graceful-stop); 2 bad
 * arguments; 3 not running (status, as LSB init scripts say it).
 */
@Command(name = "mpmbench ctl", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Controls a server like apachectl -k: start runs 'mpmbench serve' in the background with the",
            "given serve options; the others find the master through its pid file: --pidfile FILE, else the",
            "default one of --listen HOST:PORT, else the one server running (serve writes a default pid file",
            "per listen address in $XDG_RUNTIME_DIR/mpmbench, else /tmp/mpmbench-$USER).",
            "  start          start (options after -k start are serve's: --mpm, --listen, --set, ...)",
            "  stop           stop now: children get SIGTERM, then SIGKILL after 5 s (master: SIGTERM)",
            "  restart        children stopped the same way, new ones started; the socket stays open (SIGHUP)",
            "  graceful       new children start; old ones finish their requests and exit (SIGUSR1)",
            "  graceful-stop  children finish their requests, within GracefulShutdownTimeout (SIGWINCH)",
            "  status         is it running; the scoreboard as /server-status shows it",
            ""},
        footer = {"", "Example: mpmbench ctl -k start --mpm event --listen 127.0.0.1:8080",
            "         mpmbench ctl -k graceful                          # the one server running",
            "         mpmbench ctl -k stop --listen 127.0.0.1:8080      # one of several"})
public final class CtlCommand implements Callable<Integer> {

    static final String STATUS = "status";
    static final String START = "start";

    @Option(names = "-k", required = true, paramLabel = "ACTION",
            description = "start, stop, restart, graceful, graceful-stop or status.")
    String action;

    @Option(names = "--pidfile", paramLabel = "FILE",
            description = "The master's pid file, as serve --pidfile or PidFile wrote it. Default: see --listen.")
    Path pidFile;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "The server's address: its default pid file is the one. Without this or --pidfile: the "
                    + "one server running. start passes it to serve.")
    String listen;

    @Option(names = "--log", paramLabel = "FILE",
            description = "start: where the server's output goes. Default: the pid file's name with .log, "
                    + "else serve.log in the pid files' directory.")
    Path logFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for the request to take effect. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Unmatched
    List<String> serveArgs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new CtlCommand());
        UsageErrors.install(cli);
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        Path named;
        try {
            named = pidFile != null ? pidFile : listen != null ? defaultOf(Listen.parse(listen)) : null;
        } catch (IllegalArgumentException e) {
            return fail(2, "--listen " + listen + ": " + e.getMessage());
        }
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        if (action.equals(START)) {
            Path log = logFile != null ? logFile : named != null ? named.resolveSibling(named.getFileName().toString()
                    .replaceFirst("\\.pid$", "") + ".log") : DefaultPidFiles.directory().resolve("serve.log");
            List<String> args = new ArrayList<>(serveArgs);
            if (listen != null) {
                args.addAll(List.of("--listen", listen));
            }
            return new CtlStart(named, pidFile != null, log, args, timeout).run();
        }
        if (!serveArgs.isEmpty()) {
            String first = serveArgs.stream().filter(a -> a.startsWith("-")).findFirst().orElse("");
            return fail(2, "only -k start takes serve options; got " + String.join(" ", serveArgs)
                    + UsageErrors.didYouMean(spec, first));
        }
        if (!action.equals(STATUS) && ControlRequest.ofWord(action).isEmpty()) {
            return fail(2, "-k " + action + ": unknown action; accepted: start, " + ControlRequest.words() + ", status");
        }
        Path pid = named;
        if (pid == null) {
            List<Path> running = DefaultPidFiles.all().stream()
                    .filter(f -> PidFile.read(f).stream().anyMatch(StaleFiles::isLiveMaster)).toList();
            if (running.size() > 1) {
                return fail(2, running.size() + " servers run; name one with --listen HOST:PORT or --pidfile FILE: "
                        + String.join(", ", running.stream().map(f -> DefaultPidFiles.address(f) + " (pid "
                                + PidFile.read(f).orElse(-1) + ")").toList()));
            }
            if (running.isEmpty()) {
                System.out.println("mpmbench ctl: not running (no pid file of a running master in "
                        + DefaultPidFiles.directory() + "; for a server started with --pidfile FILE, name FILE)");
                return action.equals(STATUS) ? 3 : 1;
            }
            pid = running.getFirst();
        }
        OptionalLong master = PidFile.read(pid);
        if (master.isEmpty() || !StaleFiles.isLiveMaster(master.getAsLong())) {
            System.out.println("mpmbench ctl: not running (" + (master.isEmpty() ? "no pid file " + pid
                    : "pid " + master.getAsLong() + " of " + pid + " is gone") + ")");
            return action.equals(STATUS) ? 3 : 1;
        }
        long masterPid = master.getAsLong();
        try (SharedScoreboard board = SharedScoreboard.open(ScoreboardFiles.forMaster(masterPid))) {
            if (action.equals(STATUS)) {
                return status(masterPid, board);
            }
            return new CtlRequest(masterPid, board, timeout).send(ControlRequest.ofWord(action).orElseThrow());
        } catch (IOException e) {
            return fail(1, "cannot open the scoreboard of pid " + masterPid + ": " + e.getMessage());
        }
    }

    private static int status(long masterPid, SharedScoreboard board) {
        System.out.println("mpmbench ctl: running, master pid " + masterPid);
        String mpm = mpmbench.server.config.Mpm.values()[board.mpmOrdinal()].id();
        StringBuilder page = new StringBuilder();
        new StatusReport(board, mpm).render(false, page);
        System.out.print(page);
        return 0;
    }

    private static Path defaultOf(Listen address) {
        return DefaultPidFiles.forAddress(address.host(), address.port());
    }

    static int fail(int code, String message) {
        System.err.println("mpmbench ctl: " + message);
        return code;
    }
}
