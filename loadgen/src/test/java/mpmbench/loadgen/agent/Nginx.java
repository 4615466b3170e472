package mpmbench.loadgen.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * nginx on loopback as the target of the agents' tests: one worker, {@code GET /hello} answers the
 * 13-byte {@code Hello, World!} as the nginx peer of the suite does. Its folder is world-readable
 * (nginx's workers run as nobody when the test runs as root).
 */
final class Nginx implements AutoCloseable {

    final int port;
    private final Process process;

    private Nginx(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static Nginx start() throws IOException, InterruptedException {
        Path bin = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("nginx missing: scripts/install-peers installs it (.ci/run does)");
        }
        Path dir = Files.createTempDirectory("mpmbench-agents-nginx-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("hello"), "Hello, World!");
        int port = Sshd.freePort();
        Path conf = Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " warn;",
                "events { worker_connections 4096; }",
                "http {",
                "  access_log off;",
                "  keepalive_timeout 5s;",
                "  keepalive_requests 1000000000;",
                "  client_body_temp_path " + dir.resolve("tmp") + ";",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    root " + www + ";",
                "    location = /hello { default_type text/plain; }",
                "  }",
                "}", ""));
        Process p = new ProcessBuilder(bin.toString(), "-c", conf.toString(), "-g", "daemon off;", "-e",
                dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > until) {
                    p.destroyForcibly();
                    throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
                }
                Thread.sleep(50);
            }
        }
        return new Nginx(port, p);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx stops its worker and exits
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
