package mpmbench.benchmarks.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts TCP connections from the kernel's tables ({@code /proc/net/tcp} and {@code tcp6}, see
 * proc(5)): how many connections a server on a local port holds, including those still waiting in
 * its accept queue. Reads the tables afresh at each call; thread-safe.
 */
public final class TcpTable {

    /** The {@code st} column of an established connection. */
    private static final String ESTABLISHED = "01";

    private final Path proc;

    public TcpTable(Path proc) {
        this.proc = proc;
    }

    public static TcpTable system() {
        return new TcpTable(Path.of("/proc"));
    }

    /** Established connections whose local port is {@code port} (the server's side of each); 0 when unreadable. */
    public int established(int port) {
        return count(proc.resolve("net/tcp"), port) + count(proc.resolve("net/tcp6"), port);
    }

    static int count(Path table, int port) {
        try {
            return count(Files.readAllLines(table), port);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Established connections on local port {@code port} in the lines of one or more tables (headers skipped). */
    static int count(List<String> lines, int port) {
        String suffix = String.format(":%04X", port);
        int n = 0;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && !f[0].equals("sl") && f[1].endsWith(suffix) && f[3].equals(ESTABLISHED)) {
                n++;
            }
        }
        return n;
    }
}
