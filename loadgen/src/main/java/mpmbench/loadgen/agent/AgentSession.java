package mpmbench.loadgen.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import mpmbench.loadgen.GeneratorJvm;

/**
 * The coordinator's end of one running agent: the ssh process that runs {@link AgentMain} on the host,
 * written to and read from in {@link AgentProtocol} lines. A reader thread queues the agent's lines;
 * every wait is bounded. Used by one coordinator thread at a time. Closing it kills the ssh process,
 * which ends the agent's stdin, and the agent halts.
 */
final class AgentSession implements AutoCloseable {

    private static final String EOF = "\u0000EOF";

    private final AgentHost agent;
    private final Process ssh;
    private final OutputStream toAgent;
    private final Path stderrFile;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private AgentSession(AgentHost agent, Process ssh, Path stderrFile) {
        this.agent = agent;
        this.ssh = ssh;
        this.toAgent = ssh.getOutputStream();
        this.stderrFile = stderrFile;
        Thread.ofVirtual().name("agent-out-" + agent.index()).start(this::read);
    }

    /**
     * Starts {@code AgentMain} on the host under {@code timeout -k 5 BOUND} when the host has it.
     *
     * @param boundS    the remote process's hard time bound, s
     * @param openModel whether the agent's share is open-model ({@link GeneratorJvm#options})
     */
    static AgentSession start(Ssh ssh, AgentHost agent, RemoteSetup.Remote remote, String runDir, long boundS,
                              boolean openModel, List<String> loadArgs, Path stderrFile) throws AgentFailure {
        StringBuilder cmd = new StringBuilder("mkdir -p ").append(ShellQuote.quote(runDir)).append(" && exec ");
        if (remote.hasTimeout()) {
            cmd.append("timeout -k 5 ").append(boundS).append(' ');
        }
        List<String> java = new ArrayList<>(List.of(remote.java()));
        java.addAll(GeneratorJvm.options(openModel));
        java.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", remote.jar(), AgentMain.class.getName(), "--dir", runDir, "--"));
        cmd.append(ShellQuote.join(java));
        cmd.append(' ').append(ShellQuote.join(loadArgs));
        try {
            return new AgentSession(agent, ssh.start(agent.host(), cmd.toString(), stderrFile), stderrFile);
        } catch (IOException e) {
            throw new AgentFailure("cannot start ssh: " + e.getMessage());
        }
    }

    /** Sends one line. */
    void send(String line) throws AgentFailure {
        try {
            toAgent.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toAgent.flush();
        } catch (IOException e) {
            throw new AgentFailure("the agent's session closed (" + e.getMessage() + "); " + ended());
        }
    }

    /**
     * The agent's next line, which must start with {@code word}; an {@code ERROR} line, the end of the
     * session or {@code timeout} is an {@link AgentFailure} saying which, with the agent's last words.
     *
     * @return the rest of the line after the word
     */
    String expect(String word, Duration timeout, String waitingFor) throws AgentFailure {
        return expect(word, timeout, waitingFor, null);
    }

    /** Gets the agent's progress lines while the coordinator waits for another. */
    interface ProgressLines {
        /**
         * @param word {@link AgentProtocol#SECOND}, {@link AgentProtocol#MEASURING} or
         *             {@link AgentProtocol#MEASURED}
         * @param rest the line after the word
         * @throws AgentFailure the line shows the agent cannot stay in the run
         */
        void line(String word, String rest) throws AgentFailure;
    }

    /**
     * As {@link #expect(String, Duration, String)}, handing the agent's {@code SECOND}, {@code MEASURING}
     * and {@code MEASURED} lines that come first to {@code progress}, when it is not {@code null}.
     */
    String expect(String word, Duration timeout, String waitingFor, ProgressLines progress) throws AgentFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        String line;
        while (true) {
            try {
                line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AgentFailure("interrupted while waiting for " + waitingFor);
            }
            String progressWord = line == null ? null : progressWord(line);
            if (progressWord == null) {
                break;
            }
            if (progress != null) {
                progress.line(progressWord, line.substring(progressWord.length() + 1));
            }
        }
        if (line == null) {
            throw new AgentFailure("no " + waitingFor + " within " + timeout.toSeconds() + " s");
        }
        if (line.equals(EOF)) {
            throw new AgentFailure("the agent ended before " + waitingFor + " (" + ended() + ")");
        }
        if (line.startsWith(AgentProtocol.ERROR + " ")) {
            throw new AgentFailure(line.substring(AgentProtocol.ERROR.length() + 1));
        }
        if (!line.equals(word) && !line.startsWith(word + " ")) {
            throw new AgentFailure("expected " + word + " from the agent, got '" + line + "'");
        }
        return line.substring(word.length()).strip();
    }

    private static String progressWord(String line) {
        for (String w : new String[] {AgentProtocol.SECOND, AgentProtocol.MEASURING, AgentProtocol.MEASURED}) {
            if (line.startsWith(w + " ")) {
                return w;
            }
        }
        return null;
    }

    /** Waits up to {@code timeout} for the agent to exit by itself. */
    void awaitExit(Duration timeout) {
        try {
            ssh.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            toAgent.close();
        } catch (IOException e) {
            // already gone
        }
        ssh.destroyForcibly();
    }

    /** How the session ended: the exit status and the agent's (or ssh's) last stderr line. */
    private String ended() {
        awaitExit(Duration.ofSeconds(2));
        if (ssh.isAlive()) {
            return "still running" + lastWords().map(w -> ": " + w).orElse("");
        }
        int status = ssh.exitValue();
        // ssh exits 255 both when it fails and when the remote command was killed by a signal
        String otherwise = status == 255 ? ": killed by a signal, or ssh lost the session" : "";
        return "exit status " + status + lastWords().map(w -> ": " + w).orElse(otherwise);
    }

    private Optional<String> lastWords() {
        try {
            String err = Files.readString(stderrFile, StandardCharsets.UTF_8);
            String last = Ssh.lastLine(err, "");
            return last.isEmpty() ? Optional.empty() : Optional.of(last);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(ssh.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the session is over
        }
        lines.add(EOF);
    }

    AgentHost agent() {
        return agent;
    }
}
