package mpmbench.server.master;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a master writes its pid file when no PidFile is configured, as httpd writes
 * {@code logs/httpd.pid} without being asked: one file per listen address, {@code DIR/HOST-PORT.pid}
 * (the address as bound, so {@code localhost} and port 0 read as {@code 127.0.0.1} and the port the
 * kernel chose), so two servers never share one. DIR is the user's run directory:
 * {@code $XDG_RUNTIME_DIR/mpmbench} when {@code XDG_RUNTIME_DIR} names a directory, else
 * {@code $TMPDIR-of-the-JVM/mpmbench-$USER}. {@code mpmbench ctl} looks there when told no pid file.
 */
public final class DefaultPidFiles {

    private static final String SUFFIX = ".pid";

    private DefaultPidFiles() {
    }

    /** The run directory of this user, from this process's environment. */
    public static Path directory() {
        return directory(System.getenv());
    }

    static Path directory(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "mpmbench");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "mpmbench-" + System.getProperty("user.name"));
    }

    /** The default pid file of a master listening on {@code host:port}. */
    public static Path forAddress(String host, int port) {
        return directory().resolve(bound(host) + "-" + port + SUFFIX);
    }

    /** Every default pid file of this user, whether its master runs or not. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            return List.of(); // no directory yet: no server started with a default pid file
        }
    }

    /** The {@code HOST:PORT} a default pid file is named after. */
    public static String address(Path pidFile) {
        String name = pidFile.getFileName().toString();
        String hostPort = name.substring(0, name.length() - SUFFIX.length());
        int dash = hostPort.lastIndexOf('-');
        return dash < 0 ? hostPort : hostPort.substring(0, dash) + ":" + hostPort.substring(dash + 1);
    }

    /** The address {@code host} binds to, as ListenSocket resolves it: a literal stays, localhost resolves. */
    private static String bound(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            return host; // the bind fails with its own message; the name is only a file name here
        }
    }
}
