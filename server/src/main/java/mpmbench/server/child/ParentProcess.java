package mpmbench.server.child;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The pid of this process's parent, the fourth field of {@code /proc/self/stat}: when the master
 * dies the kernel gives its children to another parent, so a changed value means "the master is
 * gone".
 *
 * <p>The file is opened once, at the child's start, and re-read from offset 0 ({@code pread}: procfs
 * writes the text anew at each read), so a reading needs no descriptor: it works while the child is
 * out of them, where {@link ProcessHandle#isAlive()}, which opens /proc each time, reports a live
 * master as dead. It links nothing either: the {@code getppid(2)} downcall it replaced brought the
 * Foreign Function &amp; Memory linker into every child's start (its classes loaded and spun, about
 * 50 ms of CPU a child, see server/README.md). Allocates nothing per reading. Used by one thread
 * (the master watch).
 */
final class ParentProcess implements Closeable {

    private static final Path STAT = Path.of("/proc/self/stat");

    private final FileChannel stat;
    /** /proc/PID/stat is about 300 bytes; the fields up to the parent's pid fit whatever the rest is. */
    private final ByteBuffer text = ByteBuffer.allocate(512);

    private ParentProcess(FileChannel stat) {
        this.stat = stat;
    }

    /** Opens this process's {@code /proc/self/stat}. */
    static ParentProcess open() throws IOException {
        return new ParentProcess(FileChannel.open(STAT));
    }

    /** The parent's pid now, or -1 when it cannot be read (the caller then learns nothing). */
    long pid() {
        text.clear();
        try {
            while (text.hasRemaining()) {
                int n = stat.read(text, text.position());
                if (n <= 0) {
                    break;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return parentPid(text.array(), text.position());
    }

    /**
     * The fourth field of a {@code /proc/PID/stat} text of {@code length} bytes: {@code pid (comm)
     * state ppid ...}, where comm may hold spaces and parentheses, so the fields are counted from
     * its last {@code ')'}; -1 when the text does not have that shape.
     */
    static long parentPid(byte[] text, int length) {
        int close = -1;
        for (int i = 0; i < length; i++) {
            if (text[i] == ')') {
                close = i;
            }
        }
        int i = close + 4; // ") S " precedes the parent's pid
        if (close < 0 || i >= length || text[close + 1] != ' ' || text[close + 3] != ' ') {
            return -1;
        }
        long pid = 0;
        int start = i;
        while (i < length && text[i] >= '0' && text[i] <= '9') {
            pid = pid * 10 + (text[i++] - '0');
        }
        return i > start && i < length && text[i] == ' ' ? pid : -1;
    }

    @Override
    public void close() throws IOException {
        stat.close();
    }
}
