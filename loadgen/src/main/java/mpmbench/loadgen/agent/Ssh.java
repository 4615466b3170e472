package mpmbench.loadgen.agent;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system's OpenSSH client ({@code ssh} on the PATH), the way operators reach their hosts: their
 * own keys, agent and {@code ~/.ssh/config}, with {@code BatchMode=yes} (never a password or host-key
 * prompt: anything that would prompt fails at once), a 10 s connect timeout and keep-alives that end
 * the session within 15 s of a silent network. Immutable; each call starts its own {@code ssh}
 * process, so calls from several threads are independent.
 *
 * @param config  an ssh config file ({@code -F}), or {@code null} for the user's own
 * @param options extra {@code -o} options, e.g. {@code Port=2222}
 */
public record Ssh(Path config, List<String> options) {

    /** What one finished ssh command gave: its exit status (255: ssh itself failed), stdout, stderr. */
    public record Result(int status, byte[] out, String err, boolean timedOut) {

        public String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        public boolean ok() {
            return status == 0 && !timedOut;
        }

        /** One line on what went wrong: ssh's (or the remote command's) last stderr line, or the status. */
        public String failure() {
            if (timedOut) {
                return "no answer in time";
            }
            return lastLine(err, "exit status " + status);
        }
    }

    public Ssh {
        options = List.copyOf(options);
    }

    /** The ssh command line that runs {@code remoteCommand} (one string, for the remote shell) on {@code host}. */
    public List<String> command(String host, String remoteCommand) {
        List<String> c = new ArrayList<>(List.of("ssh", "-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
                "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3"));
        if (config != null) {
            c.add("-F");
            c.add(config.toString());
        }
        for (String o : options) {
            c.add("-o");
            c.add(o);
        }
        c.add(host);
        c.add(remoteCommand);
        return c;
    }

    /**
     * Runs a command to its end or until {@code timeout} (then the ssh process is killed, which ends
     * the remote session too).
     *
     * @param stdin a file fed to the remote command's stdin, or {@code null} for none
     */
    public Result run(String host, String remoteCommand, Path stdin, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command(host, remoteCommand));
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        try {
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread o = drain(p.getInputStream(), out);
            Thread e = drain(p.getErrorStream(), err);
            boolean done = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!done) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            o.join(5000);
            e.join(5000);
            return new Result(done ? p.exitValue() : -1, out.toByteArray(), err.toString(StandardCharsets.UTF_8), !done);
        } catch (IOException ex) {
            return new Result(-1, new byte[0], "cannot start ssh: " + ex.getMessage(), false);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Result(-1, new byte[0], "interrupted", false);
        }
    }

    /** Starts a long-lived session; its stderr goes to {@code stderrFile}. */
    public Process start(String host, String remoteCommand, Path stderrFile) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(host, remoteCommand));
        pb.redirectError(ProcessBuilder.Redirect.to(stderrFile.toFile()));
        return pb.start();
    }

    /** The last non-blank line of {@code text}, or {@code otherwise}. */
    static String lastLine(String text, String otherwise) {
        String[] lines = text.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return otherwise;
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream to) {
        return Thread.ofVirtual().start(() -> {
            try (in) {
                in.transferTo(to);
            } catch (IOException e) {
                // the process died: what was read is what there is
            }
        });
    }
}
