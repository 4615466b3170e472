package mpmbench.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import mpmbench.cli.MpmbenchVersion;
import mpmbench.cli.UsageErrors;
import mpmbench.server.config.ConfigException;
import mpmbench.server.config.ConfigLoader;
import mpmbench.server.config.LoadedConfig;
import mpmbench.server.config.ModelCapacity;
import mpmbench.server.config.Mpm;
import mpmbench.server.config.ServerConfig;
import mpmbench.server.master.ChildArchive;
import mpmbench.server.master.ChildCommand;
import mpmbench.server.master.DefaultPidFiles;
import mpmbench.server.master.ListenSocket;
import mpmbench.server.master.Master;
import mpmbench.server.master.PidFile;
import mpmbench.server.master.StaleFiles;
import mpmbench.server.scoreboard.ScoreboardFiles;
import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.tls.TlsContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mpmbench serve}: starts the master, which starts the children of the chosen model. */
@Command(name = "mpmbench serve", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        sortOptions = false, usageHelpWidth = 100,
        description = {
            "Runs the HTTP/1.1 server under one concurrency model, as real processes: a master",
            "JVM and child JVMs that all accept on one listening socket, sharing a scoreboard.",
            "Endpoints: GET /hello, /bytes?n=N, /cpu?iters=N, /sleep?ms=N, /server-status[?auto]",
            "and POST /echo. Signals as httpd's: TERM or Ctrl-C stop, HUP restarts, USR1 restarts",
            "gracefully, WINCH stops gracefully (or use mpmbench ctl -k ...).", ""},
        footer = {"", "Directives (httpd's names; defaults are httpd's compiled-in values per MPM):",
            "  StartServers MinSpareServers MaxSpareServers ServerLimit ThreadLimit",
            "  ThreadsPerChild MinSpareThreads MaxSpareThreads MaxRequestWorkers",
            "  MaxConnectionsPerChild ListenBacklog KeepAlive KeepAliveTimeout",
            "  MaxKeepAliveRequests Timeout AsyncRequestWorkerFactor GracefulShutdownTimeout",
            "  LimitRequestLine LimitRequestFieldSize LimitRequestFields LimitRequestBody",
            "  Listen PidFile ChildJvmOptions (the child JVMs' flags)",
            "  ServerStatusRemote (On: /server-status for any client; Off, the default: loopback only)",
            "  MpmbenchPlantCpu N (a calibration tool: N tokens of CPU work per request, JMH's consumeCPU;",
            "    0, the default, is off; scripts/compare-planted sizes it)",
            "  SSLEngine SSLCertificateFile SSLCertificateKeyFile (PEM) SSLProtocol SSLCipherSuite",
            "  SSLSessionCache SSLSessionTickets, Listen PORT https: TLS 1.2/1.3 with JSSE (server/conf/https.conf)",
            "A --config file is read as httpd reads it: Define and $${VAR}, <IfModule>, <IfDefine>, Include;",
            "httpd's other directives and sections (LoadModule, ErrorLog, <Directory>, ...) are ignored with",
            "one warning each. Counts httpd corrects (MaxRequestWorkers above ServerLimit x ThreadsPerChild,",
            "...) are corrected with httpd's warning. Sample files with Debian's values: server/conf/MODEL.conf.",
            "", "Examples:",
            "  mpmbench serve --mpm worker --listen 127.0.0.1:8080 --set ThreadsPerChild=50",
            "  mpmbench serve --mpm event --config server/conf/event.conf --print-config"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--mpm", required = true, paramLabel = "MODEL",
            description = "Concurrency model: prefork, worker, event or virtual.")
    String mpm;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Loopback address to listen on; port 0 picks a free one. Default: 127.0.0.1:8080.")
    String listen;

    @Option(names = "--config", paramLabel = "FILE",
            description = "An httpd config file; <IfModule mpm_X_module> applies to model X.")
    Path configFile;

    @Option(names = {"-D", "--define"}, paramLabel = "NAME[=VALUE]",
            description = "As httpd's -D NAME (for <IfDefine>) or -C 'Define NAME VALUE' (for $${NAME}); repeatable.")
    List<String> defines = new ArrayList<>();

    @Option(names = "--set", paramLabel = "Directive=value",
            description = "Sets one directive; repeatable; applied after --config, in order.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--pidfile", paramLabel = "FILE",
            description = "Write the master's pid to FILE (the PidFile directive). Default: one file per listen "
                    + "address, $XDG_RUNTIME_DIR/mpmbench/HOST-PORT.pid, else /tmp/mpmbench-$USER/HOST-PORT.pid; "
                    + "mpmbench ctl finds it there.")
    Path pidFile;

    @Option(names = "--print-config",
            description = "Print the effective directives and the child command, then exit.")
    boolean printConfig;

    @Option(names = "--make-aot-cache",
            description = "Make the children's AOT cache for these directives if missing (a start does it "
                    + "once per build), print 'aot cache: PATH present|made in N ms' or 'aot cache: none', exit.")
    boolean makeAotCache;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ServeCommand());
        UsageErrors.install(cli);
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        PrintStream log = System.out;
        LoadedConfig loaded;
        String tlsEngine = null;
        try {
            Mpm model = Mpm.parse(mpm);
            ConfigLoader loader = ConfigLoader.forModel(model);
            defines.forEach(loader::define);
            if (configFile != null) {
                loader.file(configFile);
            }
            loader.set(sets);
            if (listen != null) {
                loader.listen(listen);
            }
            if (pidFile != null) {
                loader.set("PidFile=" + pidFile);
            }
            loaded = loader.load();
            // The children load the certificate and key each; a file they cannot use is refused here, once.
            TlsContext checked = TlsContext.createOrNull(loaded.config().ssl());
            if (checked != null) {
                tlsEngine = checked.describe();
                checked.close();
            }
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("mpmbench serve: " + e.getMessage());
            return 2;
        }
        ServerConfig config = loaded.config();
        long pid = ProcessHandle.current().pid();
        Path scoreboardFile = ScoreboardFiles.forMaster(pid);
        loaded.warnings().forEach(w -> System.err.println("mpmbench serve: warning: " + w));
        List<String> setArguments = ConfigLoader.toSetArguments(config);
        if (printConfig) {
            loaded.describe().forEach(log::println);
            ChildCommand command = new ChildCommand(config, setArguments, List.of(), scoreboardFile, pid);
            log.println("child command: " + String.join(" ", command.prefix()));
            return 0;
        }
        if (makeAotCache) {
            log.println("aot cache: " + AotCacheLine.make(config.childJvmOptions(), log));
            return 0;
        }
        Path pidPath = config.pidFile().isEmpty() ? null : Path.of(config.pidFile());
        try {
            String cleaned = StaleFiles.clean(pidPath);
            if (cleaned != null) {
                log.println("mpmbench serve: " + cleaned);
            }
        } catch (StaleFiles.AlreadyRunning e) {
            System.err.println("mpmbench serve: " + e.getMessage());
            return 1;
        }
        List<String> cache = ChildArchive.prepare(ChildCommand.java(), config.childJvmOptions(),
                ChildCommand.classPath(), log);
        ChildCommand command = new ChildCommand(config, setArguments, cache, scoreboardFile, pid);
        ListenSocket socket;
        try {
            socket = ListenSocket.openAsStdin(config.listenHost(), config.listenPort(), config.listenBacklog());
        } catch (IOException e) {
            String address = config.listenHost() + ":" + config.listenPort();
            OptionalLong there = PidFile.read(DefaultPidFiles.forAddress(config.listenHost(), config.listenPort()));
            String running = there.isPresent() && StaleFiles.isLiveMaster(there.getAsLong())
                    ? " (mpmbench serve runs there as pid " + there.getAsLong() + "; stop it first: mpmbench ctl -k stop"
                            + " --listen " + address + ")" : "";
            System.err.println("mpmbench serve: cannot listen on " + address + ": " + e.getMessage() + running);
            return 1;
        }
        if (pidPath == null) {
            pidPath = DefaultPidFiles.forAddress(socket.host(), socket.port());
            claimDefault(pidPath, log);
        }
        SharedScoreboard board;
        try {
            ModelCapacity capacity = ModelCapacity.of(config);
            board = SharedScoreboard.create(scoreboardFile, capacity.processSlots(), capacity.workersPerChild(),
                    config.mpm().ordinal(), pid);
        } catch (IOException e) {
            System.err.println("mpmbench serve: cannot create the scoreboard " + scoreboardFile + ": " + e.getMessage());
            return 1;
        }
        PidFile written;
        try {
            written = PidFile.write(pidPath, pid);
        } catch (IOException e) {
            System.err.println("mpmbench serve: cannot write the pid file " + pidPath + ": " + e.getMessage()
                    + " (name another with --pidfile FILE)");
            try {
                board.delete();
            } catch (IOException ignored) {
                // the start failed anyway; a stale scoreboard is removed by the next start
            }
            return 1;
        }
        Master master = new Master(config, board, command, log, socket::close, written);
        Runtime.getRuntime().addShutdownHook(new Thread(master::stopFromHook, "master-stop"));
        log.printf("mpmbench serve: mpm %s, master pid %d, listening on %s:%d%n", config.mpm().id(), pid,
                socket.host(), socket.port());
        log.println("mpmbench serve: scoreboard " + scoreboardFile);
        log.println("mpmbench serve: pid file " + written.path());
        log.println("mpmbench serve: child JVM: " + String.join(" ", command.prefix().subList(0, command.prefix().indexOf("-cp"))));
        if (tlsEngine != null) {
            log.println(TlsContext.STARTUP_LINE + tlsEngine);
        }
        log.flush();
        try {
            master.run();
        } catch (IOException e) {
            System.err.println("mpmbench serve: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /**
     * Makes the default pid file of the address this master just bound its own. One naming a dead
     * pid is removed with the usual line; one naming a live master is taken over all the same,
     * since the bind proves that master no longer listens here (it is stopping, and its own clean-up
     * leaves a file naming another master alone).
     */
    private static void claimDefault(Path pidPath, PrintStream log) {
        try {
            String cleaned = StaleFiles.clean(pidPath);
            if (cleaned != null) {
                log.println("mpmbench serve: " + cleaned);
            }
        } catch (StaleFiles.AlreadyRunning e) {
            log.println("mpmbench serve: " + pidPath + " named pid " + PidFile.read(pidPath).orElse(-1)
                    + ", a master that no longer listens on this address; it now names this one");
        }
    }
}
