package mpmbench.server.master;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

import mpmbench.server.scoreboard.ScoreboardFiles;

/**
 * What a master killed with SIGKILL leaves behind, found and removed at the next start as httpd
 * removes a stale pid file and shared memory: the PidFile naming a dead process, and every
 * {@code mpmbench-PID.scoreboard} whose master is gone. A pid counts as a live master only when its
 * process runs the server ({@code ServeCommand} or the server jar, not a child), so a pid the
 * kernel gave to another program since does not keep a stale file alive. Files of other users, or of
 * processes whose command line cannot be read, are left alone.
 */
public final class StaleFiles {

    private static final String[] MASTER_MARKS = {"mpmbench.server.cli.ServeCommand", "mpmbench-server.jar"};
    private static final String CHILD_MARK = "mpmbench.server.child.ChildMain";

    private StaleFiles() {
    }

    /** The start must stop: the pid file names a master that still runs. */
    public static final class AlreadyRunning extends Exception {
        AlreadyRunning(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Removes the stale files.
     *
     * @param pidFile the PidFile the new master will write, or null
     * @return one line saying what was removed, or null when nothing was
     * @throws AlreadyRunning when {@code pidFile} names a live master
     */
    public static String clean(Path pidFile) throws AlreadyRunning {
        TreeSet<Long> deadPids = new TreeSet<>();
        List<String> removed = new ArrayList<>();
        if (pidFile != null && Files.exists(pidFile)) {
            OptionalLong pid = PidFile.read(pidFile);
            if (pid.isPresent() && isLiveMaster(pid.getAsLong())) {
                throw new AlreadyRunning("already running as pid " + pid.getAsLong() + " (PidFile " + pidFile
                        + "); stop it first: mpmbench ctl -k stop --pidfile " + pidFile);
            }
            if (delete(pidFile)) {
                pid.ifPresent(deadPids::add);
                removed.add(pidFile.toString());
            }
        }
        try {
            for (Path board : ScoreboardFiles.all()) {
                long pid = ScoreboardFiles.masterPidOf(board).orElseThrow();
                if (pid != ProcessHandle.current().pid() && !mayBeLiveMaster(pid) && delete(board)) {
                    deadPids.add(pid);
                    removed.add(board.toString());
                }
            }
        } catch (IOException e) {
            // An unreadable directory holds nothing we could remove.
        }
        if (removed.isEmpty()) {
            return null;
        }
        return "removed what a dead master (pid " + String.join(", ", deadPids.stream().map(String::valueOf).toList())
                + ") left: " + String.join(", ", removed);
    }

    /** True when {@code pid} runs the server's master (an exited one not yet reaped does not). */
    public static boolean isLiveMaster(long pid) {
        return ProcessHandle.of(pid).filter(StaleFiles::running)
                .flatMap(h -> h.info().commandLine())
                .map(StaleFiles::isMasterCommand)
                .orElse(false);
    }

    /** Like {@link #isLiveMaster} but true when the process runs and its command line is unknown. */
    private static boolean mayBeLiveMaster(long pid) {
        return ProcessHandle.of(pid).filter(StaleFiles::running)
                .map(h -> h.info().commandLine().map(StaleFiles::isMasterCommand).orElse(true))
                .orElse(false);
    }

    /**
     * Alive and not a zombie: a master whose parent went away (ctl's start) is reaped by init, which
     * may take a while, and {@link ProcessHandle#isAlive()} counts a zombie as alive.
     */
    private static boolean running(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return true; // no /proc: trust isAlive
        }
    }

    private static boolean isMasterCommand(String commandLine) {
        if (commandLine.contains(CHILD_MARK)) {
            return false;
        }
        for (String mark : MASTER_MARKS) {
            if (commandLine.contains(mark)) {
                return true;
            }
        }
        return false;
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false; // another user's file, or gone meanwhile
        }
    }
}
