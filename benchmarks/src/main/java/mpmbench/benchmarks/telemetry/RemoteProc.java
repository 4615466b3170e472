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

    @Override
    public TreeSample sample(int root, long epochMs) {
        try {
            List<ProcFiles.Stat> stats = new ArrayList<>();
            for (String line : ask(STATS)) {
                try {
                    stats.add(ProcFiles.parseStat(line));
                } catch (RuntimeException partial) {
                    // a line cut by a process that exited while it was read
                }
            }
            List<Integer> tree = ProcessTree.of(stats, root);
            if (tree.isEmpty()) {
                return ProcessReading.sum(root, epochMs, List.of());
            }
            return ProcessReading.sum(root, epochMs, parseFiles(ask(filesCommand(tree))));
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
     * The shell loop that prints, per PID, {@code == PID}, then sections {@code -- stat},
     * {@code -- status}, {@code -- pss} (smaps_rollup's Pss line), {@code -- ctx} (every thread's
     * context-switch lines) and {@code -- fds} (a count); a process gone meanwhile prints less.
     */
    static String filesCommand(List<Integer> pids) {
        StringBuilder pidList = new StringBuilder();
        for (int p : pids) {
            pidList.append(p).append(' ');
        }
        return "for p in " + pidList + "; do d=/proc/$p; [ -r $d/stat ] || continue; echo \"== $p\"; "
                + "echo '-- stat'; cat $d/stat; echo '-- status'; cat $d/status; "
                + "echo '-- pss'; grep '^Pss:' $d/smaps_rollup; echo '-- ctx'; cat $d/task/*/status | grep 'ctxt_switches:'; "
                + "echo '-- fds'; ls $d/fd | wc -l; done";
    }

    /** The readings of {@link #filesCommand}'s output; a process with a missing or cut stat or status is left out. */
    static List<ProcessReading> parseFiles(List<String> out) {
        List<ProcessReading> readings = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : out) {
            if (line.startsWith("== ")) {
                addReading(readings, block);
                block.clear();
            }
            block.add(line);
        }
        addReading(readings, block);
        return readings;
    }

    private static void addReading(List<ProcessReading> readings, List<String> block) {
        if (block.isEmpty()) {
            return;
        }
        String section = "";
        StringBuilder stat = new StringBuilder();
        StringBuilder status = new StringBuilder();
        StringBuilder pss = new StringBuilder();
        long vol = 0;
        long invol = 0;
        boolean tasks = false;
        int fds = 0;
        for (String line : block.subList(1, block.size())) {
            if (line.startsWith("-- ")) {
                section = line.substring(3);
                continue;
            }
            switch (section) {
                case "stat" -> stat.append(line);
                case "status" -> status.append(line).append('\n');
                case "pss" -> pss.append(line).append('\n');
                case "ctx" -> {
                    tasks = true;
                    vol += ProcFiles.field(line, "voluntary_ctxt_switches:");
                    invol += ProcFiles.field(line, "nonvoluntary_ctxt_switches:");
                }
                case "fds" -> fds = line.isBlank() ? 0 : Integer.parseInt(line.strip());
                default -> {
                }
            }
        }
        try {
            ProcFiles.Stat st = ProcFiles.parseStat(stat.toString());
            ProcFiles.Status ss = ProcFiles.parseStatus(status.toString());
            if (!status.toString().contains("Threads:")) {
                return; // exited between its stat and its status
            }
            readings.add(new ProcessReading(st, ss, ProcFiles.parsePssKb(pss.toString()),
                    tasks ? vol : ss.voluntaryCtxSwitches(), tasks ? invol : ss.involuntaryCtxSwitches(), fds));
        } catch (RuntimeException cut) {
            // a process that exited while it was read
        }
    }

    /** Runs a short shell command on the host; its stdout lines (its stderr is dropped). */
    public List<String> run(String command) throws IOException {
        return ask(command);
    }

    /** Runs one command in the shell; its stdout lines. Errors of the command itself are dropped. */
    private synchronized List<String> ask(String command) throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        try {
            toShell.write(("{ " + command + "; } 2>/dev/null; echo; echo " + END + "\n").getBytes(StandardCharsets.UTF_8));
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
            if (line.equals(END)) {
                if (!out.isEmpty() && out.getLast().isEmpty()) {
                    out.removeLast(); // the echo that ends an output without a final newline
                }
                return out;
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
