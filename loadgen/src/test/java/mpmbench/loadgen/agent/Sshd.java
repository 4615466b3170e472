package mpmbench.loadgen.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server (Debian's openssh-server) for tests, started as
 * {@code sshd -D -e -f CONFIG} on a loopback port with a host key and a client key generated into
 * {@code dir}: public-key login only for the current user, no PAM. {@link #sshConfig} names it
 * {@code agent1} … {@code agent3} (plus {@code closed}, a port nobody listens on) with BatchMode,
 * the generated key and host-key checking off for its own known_hosts file. Stopped by
 * {@link #close} (the listener; sessions end with their clients). Public for the suite's tests
 * (benchmarks' AgentsSuiteIT, through this module's test jar).
 */
public final class Sshd implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");

    public final Path dir;
    public final int port;
    public final Path sshConfig;
    private final Process process;

    private Sshd(Path dir, int port, Path sshConfig, Process process) {
        this.dir = dir;
        this.port = port;
        this.sshConfig = sshConfig;
        this.process = process;
    }

    public static Sshd start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(SSHD + " missing: apt-get install -y openssh-server (.ci/run does)");
        }
        Path privsep = Path.of("/run/sshd"); // sshd refuses to start without its privilege-separation dir
        if (!Files.isDirectory(privsep)) {
            Files.createDirectories(privsep);
        }
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_key").toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("client_key").toString());
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
        int port = freePort();
        int closed = freePort();
        Path config = Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "PidFile " + dir.resolve("sshd.pid"),
                "MaxStartups 30",
                "MaxSessions 30",
                "LogLevel ERROR", ""));
        StringBuilder client = new StringBuilder();
        for (String alias : List.of("agent1", "agent2", "agent3", "closed")) {
            client.append("Host ").append(alias).append('\n')
                    .append("  HostName 127.0.0.1\n")
                    .append("  Port ").append(alias.equals("closed") ? closed : port).append('\n');
        }
        client.append("Host *\n")
                .append("  User ").append(System.getProperty("user.name")).append('\n')
                .append("  IdentityFile ").append(dir.resolve("client_key")).append('\n')
                .append("  IdentitiesOnly yes\n")
                .append("  UserKnownHostsFile ").append(dir.resolve("known_hosts")).append('\n')
                .append("  StrictHostKeyChecking no\n")
                .append("  LogLevel ERROR\n");
        Path sshConfig = Files.writeString(dir.resolve("ssh_config"), client);
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening(port)) {
            if (!p.isAlive() || System.nanoTime() > until) {
                p.destroyForcibly();
                throw new IllegalStateException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
            }
            Thread.sleep(50);
        }
        return new Sshd(dir, port, sshConfig, p);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
    }
}
