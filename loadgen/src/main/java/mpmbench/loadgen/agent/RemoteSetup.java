package mpmbench.loadgen.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Gets a host ready to be an agent, over ssh: finds a JDK &ge; 25 there and copies the load
 * generator's jar unless a copy with the same SHA-256 is there already (jars are kept as
 * {@code DIR/mpmbench-loadgen-HASH16.jar}, so a different build never overwrites one in use).
 *
 * <p>The JDK is {@code --agent-java} when given; otherwise the first of {@code $JAVA_HOME/bin/java},
 * {@code java} on the PATH of a non-interactive ssh session and {@code /usr/lib/jvm/}{@code *}{@code /bin/java}
 * whose {@code -version} says 25 or later. Stateless; one call per host, from any thread.
 */
final class RemoteSetup {

    /** The remote side of a ready agent: the java to run, the jar, whether coreutils' timeout is there. */
    record Remote(String java, String jar, boolean hasTimeout) {
    }

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(5);

    private RemoteSetup() {
    }

    /** The jar's SHA-256, lowercase hex. */
    static String sha256(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /**
     * @param java  the agent's java as given ({@code --agent-java}), or {@code null} to search
     * @param dir   the agents' folder on the host (relative to the remote home unless absolute)
     */
    static Remote prepare(Ssh ssh, AgentHost agent, Path jar, String hash, String java, String dir)
            throws AgentFailure {
        String remoteJar = dir + "/mpmbench-loadgen-" + hash.substring(0, 16) + ".jar";
        Ssh.Result probe = ssh.run(agent.host(), "sh -c " + ShellQuote.quote(probeScript(java, remoteJar)), null,
                PROBE_TIMEOUT);
        if (!probe.ok()) {
            throw new AgentFailure("ssh failed: " + probe.failure());
        }
        String found = null;
        boolean present = false;
        boolean hasTimeout = false;
        List<String> tried = new ArrayList<>();
        for (String line : probe.outText().split("\n")) {
            if (line.startsWith("java ")) {
                found = line.substring(5).strip();
            } else if (line.startsWith("tried ")) {
                tried.add(line.substring(6).strip());
            } else if (line.equals("jar present")) {
                present = true;
            } else if (line.equals("timeout yes")) {
                hasTimeout = true;
            }
        }
        if (found == null || found.equals("none")) {
            throw new AgentFailure("no JDK >= 25 (tried " + (tried.isEmpty() ? "nothing" : String.join(", ", tried))
                    + "); install one or give --agent-java PATH");
        }
        if (!present) {
            copy(ssh, agent, jar, hash, dir, remoteJar);
        }
        return new Remote(found, remoteJar, hasTimeout);
    }

    private static void copy(Ssh ssh, AgentHost agent, Path jar, String hash, String dir, String remoteJar)
            throws AgentFailure {
        String part = remoteJar + ".part." + ProcessHandle.current().pid() + "." + agent.index();
        String cmd = "mkdir -p " + ShellQuote.quote(dir) + " && cat > " + ShellQuote.quote(part)
                + " && mv -f " + ShellQuote.quote(part) + " " + ShellQuote.quote(remoteJar)
                + " && sha256sum " + ShellQuote.quote(remoteJar);
        Ssh.Result r = ssh.run(agent.host(), cmd, jar, COPY_TIMEOUT);
        if (!r.ok()) {
            throw new AgentFailure("copying the jar to " + remoteJar + " failed: " + r.failure());
        }
        if (!r.outText().startsWith(hash)) {
            throw new AgentFailure("the jar copied to " + remoteJar + " has another SHA-256 than ours ("
                    + Ssh.lastLine(r.outText(), "none") + ")");
        }
    }

    /** POSIX sh: prints "tried PATH VERSION" lines, "java PATH|none", "jar present|absent", "timeout yes|no". */
    static String probeScript(String java, String remoteJar) {
        String candidates = java != null ? ShellQuote.quote(java)
                : "${JAVA_HOME:+\"$JAVA_HOME/bin/java\"} $(command -v java) /usr/lib/jvm/*/bin/java";
        return String.join("\n",
                "found=none",
                "for c in " + candidates + "; do",
                "  if [ -x \"$c\" ]; then",
                "    v=$(\"$c\" -version 2>&1 | sed -n 's/.*version \"\\([0-9][0-9]*\\).*/\\1/p' | head -n 1)",
                "    echo \"tried $c ${v:-unknown}\"",
                "    if [ -n \"$v\" ] && [ \"$v\" -ge 25 ]; then found=$c; break; fi",
                "  else echo \"tried $c (not found)\"; fi",
                "done",
                "echo \"java $found\"",
                "if [ -f " + ShellQuote.quote(remoteJar) + " ]; then echo 'jar present'; else echo 'jar absent'; fi",
                "if command -v timeout >/dev/null 2>&1; then echo 'timeout yes'; else echo 'timeout no'; fi");
    }
}
