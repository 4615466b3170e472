package mpmbench.server.master;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The master's process id in a file, as httpd's PidFile directive writes it: the decimal pid and a
 * newline, written at start (through a temporary file and a rename, so a reader never sees half of
 * it) and removed at stop, only while it still names this master.
 */
public final class PidFile {

    private final Path path;
    private final long pid;

    private PidFile(Path path, long pid) {
        this.path = path;
        this.pid = pid;
    }

    /** Writes {@code pid} to {@code path}, creating its directory if needed. */
    public static PidFile write(Path path, long pid) throws IOException {
        Path abs = path.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp-" + pid);
        Files.writeString(tmp, pid + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new PidFile(abs, pid);
    }

    /** The pid a pid file holds; empty when the file is missing or holds no number. */
    public static OptionalLong read(Path path) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public Path path() {
        return path;
    }

    /** Removes the file if it still holds this master's pid; never throws. */
    public void remove() {
        if (read(path).orElse(-1) == pid) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // A pid file that cannot be removed names a dead pid; the next start cleans it up.
            }
        }
    }
}
