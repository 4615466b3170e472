package mpmbench.server.scoreboard;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where scoreboards live: {@code /dev/shm/mpmbench-PID.scoreboard}, PID being the master's (the
 * temporary directory when /dev/shm is missing or not writable), so a master's scoreboard is found
 * from its pid alone, by {@code mpmbench ctl} and by the next start that cleans up after a dead master.
 */
public final class ScoreboardFiles {

    private static final String PREFIX = "mpmbench-";
    private static final String SUFFIX = ".scoreboard";

    private ScoreboardFiles() {
    }

    /** The directory scoreboards are made in. */
    public static Path dir() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** The scoreboard of the master with process id {@code masterPid}. */
    public static Path forMaster(long masterPid) {
        return dir().resolve(PREFIX + masterPid + SUFFIX);
    }

    /** The master pid a scoreboard's name carries, or empty for another file. */
    public static OptionalLong masterPidOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Every scoreboard file in {@link #dir()}, whoever made it. */
    public static List<Path> all() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir(), PREFIX + "*" + SUFFIX)) {
            for (Path f : files) {
                if (masterPidOf(f).isPresent()) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
