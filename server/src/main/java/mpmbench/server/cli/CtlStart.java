package mpmbench.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpmbench.server.master.ChildCommand;
import mpmbench.server.master.PidFile;
import mpmbench.server.master.StaleFiles;

/**
 * {@code mpmbench ctl -k start}: runs {@code mpmbench serve} in a session of its own (setsid, so
 * closing the terminal sends it no SIGHUP, which would mean "restart"), its output appended to a log
 * file, and waits until its first children are ready. A server already running under the pid file
 * is left alone, as {@code apachectl start} does. Without a pid file named, serve writes its default
 * one for the address it binds (known here only when ctl was given {@code --listen}); a server
 * already on that address then makes serve fail, saying which.
 */
final class CtlStart {

    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
    private static final Pattern READY = Pattern.compile("children ready in");
    private static final Pattern PID_FILE = Pattern.compile("pid file (\\S+)");

    private final Path pidFile;
    private final boolean passPidFile;
    private final Path log;
    private final List<String> serveArgs;
    private final Duration timeout;

    /**
     * @param pidFile     the pid file the server will write, or null when only serve knows it
     * @param passPidFile whether serve is told {@code --pidfile} (else it writes its default one)
     */
    CtlStart(Path pidFile, boolean passPidFile, Path log, List<String> serveArgs, Duration timeout) {
        this.pidFile = pidFile == null ? null : pidFile.toAbsolutePath();
        this.passPidFile = passPidFile;
        this.log = log.toAbsolutePath();
        this.serveArgs = serveArgs;
        this.timeout = timeout;
    }

    int run() {
        OptionalLong running = pidFile == null ? OptionalLong.empty() : PidFile.read(pidFile);
        if (running.isPresent() && StaleFiles.isLiveMaster(running.getAsLong())) {
            System.out.println("mpmbench ctl: already running, master pid " + running.getAsLong() + " (" + pidFile + ")");
            return 0;
        }
        List<String> cmd = new ArrayList<>(List.of("setsid", ChildCommand.java(), "--enable-native-access=ALL-UNNAMED",
                "-cp", ChildCommand.classPath(), ServeCommand.class.getName()));
        cmd.addAll(serveArgs);
        if (passPidFile) {
            cmd.addAll(List.of("--pidfile", pidFile.toString()));
        }
        long offset;
        Process p;
        try {
            Files.createDirectories(log.getParent());
            offset = Files.exists(log) ? Files.size(log) : 0;
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            return CtlCommand.fail(1, "cannot start the server: " + e.getMessage());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            String out = readFrom(offset);
            if (!p.isAlive()) {
                System.err.print(out);
                return CtlCommand.fail(1, "the server exited with status " + p.exitValue() + " (log " + log + ")");
            }
            if (READY.matcher(out).find()) {
                Matcher m = LISTENING.matcher(out);
                Matcher f = PID_FILE.matcher(out);
                System.out.println("mpmbench ctl: started, master pid " + p.pid() + (m.find() ? ", listening on "
                        + m.group(1) : "") + " (pid file " + (f.find() ? f.group(1) : pidFile) + ", log " + log + ")");
                return 0;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return CtlCommand.fail(1, "the server (pid " + p.pid() + ") was not ready after " + timeout.toSeconds()
                + " s; it keeps running: see " + log + ", stop it with kill " + p.pid());
    }

    private String readFrom(long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
