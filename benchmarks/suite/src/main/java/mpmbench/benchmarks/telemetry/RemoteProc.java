package mpmbench.benchmarks.telemetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import mpmbench.loadgen.agent.Ssh;

/**
 * Another host's {@code /proc}, read over one persistent ssh session: a POSIX {@code sh} on the host
 * (no program of ours there) is sent two short commands per sample — every process's stat line, then
 * the tree's files — and the text is parsed and summed here exactly as {@link ProcReader} does
 * locally. One session for the whole run, not one ssh per sample: a connection's handshake costs
 * tens of ms and a process on each side, a command on an open session a round trip and a few forks.
 * The remote shell ends when its stdin does (this object is closed, or the suite or the network is
 * gone; ssh's keep-alives end a silent session within 15 s).
 *
 * <p>Threading: {@link #sample} and {@link #established} may be called from several threads; they
 * take turns on the session. A failure (the session broke, no answer within 10 s) gives an empty
 * sample and is kept in {@link #failure()}; the session is not reopened.
 */
public final class RemoteProc implements TargetProc, AutoCloseable {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    private static final String EOF = "\u0000EOF";
    private static final String END = "__mpmbench_end__";

    /** Every process's stat line (a process that exits meanwhile is left out). */
    static final String STATS = "cat /proc/[0-9]*/stat";
    /** The TCP tables, IPv4 and IPv6. */
    static final String TCP = "cat /proc/net/tcp /proc/net/tcp6";

    private final String where;
    private final Process shell;
    private final OutputStream toShell;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile String failure;
    /** Numbers each command's end marker; guarded by {@code this}. */
    private long asked;

    private RemoteProc(String where, List<String> command) throws IOException {
        this.where = where;
        this.shell = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        this.toShell = shell.getOutputStream();
        Thread.ofVirtual().name("remote-proc").start(this::read);
    }

    /** {@code host}'s /proc over {@code ssh} (BatchMode, the user's keys and config). */
    public static RemoteProc over(Ssh ssh, String host) throws IOException {
        return new RemoteProc(host, ssh.command(host, "exec sh"));
    }

    /** This machine's /proc through the same shell commands (tests compare it with {@link ProcReader}). */
    static RemoteProc localShell() throws IOException {
        return new RemoteProc("localhost", List.of("sh"));
    }

    /** The first failure of the session, or {@code null}. */
    public String failure() {
        return failure;
    }

    /**
     * The tree's sample, zombies included for CPU. Files are read parents first; when a member
     * vanished between the listing and its files (reaped, maybe after its reaper's files were read)
     * the tree is read once more, as {@link ProcReader#sample} does.
     */
    @Override
    public TreeSample sample(int root, long epochMs) {
        return sample(root, epochMs, false);
    }

    private TreeSample sample(int root, long epochMs, boolean retried) {
        try {
            List<ProcFiles.Stat> stats = new ArrayList<>();
            for (String line : ask(STATS)) {
                try {
                    stats.add(ProcFiles.parseStat(line));
                } catch (RuntimeException partial) {
                    // a line cut by a process that exited while it was read
                }
            }
            List<Integer> tree = ProcessTree.members(stats, root);
            if (tree.isEmpty()) {
                return ProcessReading.sum(root, epochMs, List.of());
            }
            List<ProcessReading> readings = parseFiles(ask(filesCommand(tree)));
            if (readings.size() < tree.size() && !retried) {
                return sample(root, epochMs, true); // a member vanished meanwhile: its CPU may be in no file read
            }
            return ProcessReading.sum(root, epochMs, readings);
        } catch (IOException e) {
            return ProcessReading.sum(root, epochMs, List.of());
        }
    }

    @Override
    public int established(int port) {
        try {
            return TcpTable.count(ask(TCP), port);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The command that prints the tree's files: first {@code -- fds PID N} per process (a glob, the
     * shell's own), then every line of each {@code stat}, {@code status} and thread's {@code schedstat}
     * (a kernel without it prints none: the wait is then not known), the {@code Pss:} line
     * of each {@code smaps_rollup} and the context-switch lines of each thread's {@code status}, each
     * line prefixed with its file's name ({@code grep -H}). Two processes per sample whatever the tree:
     * on the 2-vCPU test machine a command per file (cat, grep, ls for each process) cost the host
     * about 36 ms of CPU per sample of a 3-process, 95-thread tree, and the shell's {@code read}
     * builtin, which reads a byte per system call, 80 ms. A process gone meanwhile prints less.
     */
    static String filesCommand(List<Integer> pids) {
        StringBuilder fds = new StringBuilder();
        StringBuilder all = new StringBuilder();
        StringBuilder some = new StringBuilder();
        for (int p : pids) {
            String d = "/proc/" + p;
            fds.append("set -- ").append(d).append("/fd/*; if [ -e \"$1\" ]; then n=$#; else n=0; fi; echo \"-- fds ")
                    .append(p).append(" $n\"; ");
            all.append(' ').append(d).append("/stat ").append(d).append("/status");
            some.append(' ').append(d).append("/smaps_rollup ").append(d).append("/task/*/status");
            all.append(' ').append(d).append("/task/*/schedstat");
        }
        return fds + "grep -H ''" + all + "; grep -H -E '^(Pss|voluntary_ctxt_switches|nonvoluntary_ctxt_switches):'" + some;
    }

    /** One process's lines of {@link #filesCommand}'s output, gathered. */
    private static final class Gathered {
        final StringBuilder stat = new StringBuilder();
        final StringBuilder status = new StringBuilder();
        long pssKb;
        long voluntary;
        long involuntary;
        long runDelayNs;
        int schedstats;
        int taskStatuses;
        boolean tasks;
        int fds;
    }

    /**
     * The readings of {@link #filesCommand}'s output, in the order of its {@code -- fds} lines; a
     * process with a missing or cut stat or status (it exited meanwhile) is left out.
     */
    static List<ProcessReading> parseFiles(List<String> out) {
        java.util.Map<Integer, Gathered> byPid = new java.util.LinkedHashMap<>();
        for (String line : out) {
            if (line.startsWith("-- fds ")) {
                String[] f = line.split(" ");
                byPid.computeIfAbsent(Integer.parseInt(f[2]), k -> new Gathered()).fds = Integer.parseInt(f[3]);
                continue;
            }
            int colon = line.indexOf(':'); // after the file's name, which has none
            String[] path = colon < 0 ? new String[0] : line.substring(0, colon).split("/");
            if (path.length < 4 || !path[1].equals("proc")) {
                continue;
            }
            Gathered f;
            try {
                f = byPid.get(Integer.parseInt(path[2]));
            } catch (NumberFormatException e) {
                continue;
            }
            if (f == null) {
                continue;
            }
            String text = line.substring(colon + 1);
            switch (path[3]) {
                case "stat" -> f.stat.append(text);
                case "status" -> f.status.append(text).append('\n');
                case "smaps_rollup" -> f.pssKb = ProcFiles.parsePssKb(text);
                case "task" -> {
                    if (path.length > 5 && path[5].equals("schedstat")) {
                        long delay = ProcFiles.parseRunDelayNs(text);
                        f.runDelayNs = f.runDelayNs < 0 || delay < 0 ? -1 : f.runDelayNs + delay;
                        f.schedstats++;
                    } else {
                        f.tasks = true;
                        f.taskStatuses += text.startsWith("nonvoluntary_ctxt_switches:") ? 1 : 0;
                        f.voluntary += ProcFiles.field(text, "voluntary_ctxt_switches:");
                        f.involuntary += ProcFiles.field(text, "nonvoluntary_ctxt_switches:");
                    }
                }
                default -> {
                }
            }
        }
        List<ProcessReading> readings = new ArrayList<>();
        for (Gathered f : byPid.values()) {
            try {
                if (!f.status.toString().contains("Threads:")) {
                    continue; // exited before its status was read
                }
                ProcFiles.Stat st = ProcFiles.parseStat(f.stat.toString());
                ProcFiles.Status ss = ProcFiles.parseStatus(f.status.toString());
                readings.add(new ProcessReading(st, ss, f.pssKb, f.tasks ? f.voluntary : ss.voluntaryCtxSwitches(),
                        f.tasks ? f.involuntary : ss.involuntaryCtxSwitches(), f.tasks && f.schedstats == f.taskStatuses ? f.runDelayNs : -1, f.fds));
            } catch (RuntimeException cut) {
                // exited while its stat was read
            }
        }
        return readings;
    }

    /** Runs a short shell command on the host; its stdout lines (its stderr is dropped). */
    public List<String> run(String command) throws IOException {
        return ask(command);
    }

    /**
     * Runs one command in the shell; its stdout lines. Errors of the command itself are dropped. Each
     * command ends with a marker of its own: the rest of an earlier command's output (its caller was
     * interrupted while waiting) is skipped up to that command's marker.
     */
    private synchronized List<String> ask(String command) throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        String end = END + (++asked);
        try {
            toShell.write(("{ " + command + "; } 2>/dev/null; echo; echo " + end + "\n").getBytes(StandardCharsets.UTF_8));
            toShell.flush();
        } catch (IOException e) {
            throw failed("the ssh session to " + where + " closed (" + e.getMessage() + ")");
        }
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        while (true) {
            String line;
            try {
                line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (line == null) {
                throw failed(where + " did not answer within " + ANSWER_WAIT.toSeconds() + " s");
            }
            if (line.equals(EOF)) {
                throw failed("the ssh session to " + where + " ended (exit status "
                        + (shell.isAlive() ? "?" : shell.exitValue()) + ")");
            }
            if (line.equals(end)) {
                if (!out.isEmpty() && out.getLast().isEmpty()) {
                    out.removeLast(); // the echo that ends an output without a final newline
                }
                return out;
            }
            if (line.startsWith(END)) {
                out.clear(); // an earlier command's output ended here
                continue;
            }
            out.add(line);
        }
    }

    private IOException failed(String why) {
        failure = why;
        return new IOException(why);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the session is over
        }
        lines.add(EOF);
    }

    @Override
    public void close() {
        try {
            toShell.close(); // the remote shell reads its end and exits
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!shell.waitFor(5, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shell.destroyForcibly();
        }
    }
}
