package mpmbench.server.mpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The descriptor table grows when asked and stays grown: the kernel's own figure, {@code FDSize} in
 * {@code /proc/self/status} (Linux), before and after, with no descriptor left open.
 */
class DescriptorTableTest {

    @Test
    void theTableHoldsTheConnectionsAskedForAndNoDescriptorIsLeftOpen() throws IOException {
        long limit = Libc.openFilesLimit();
        assertTrue(limit > 0, "getrlimit(RLIMIT_NOFILE) answered");
        int connections = (int) Math.min(3_000, limit - DescriptorTable.BASE_DESCRIPTORS - 1);
        long openBefore = openDescriptors();
        int top = DescriptorTable.reserve(connections);
        assertEquals(DescriptorTable.BASE_DESCRIPTORS + connections, top);
        assertTrue(fdSize() > top, "FDSize " + fdSize() + " holds descriptor " + top);
        assertEquals(openBefore, openDescriptors(), "the copies are closed again");
    }

    @Test
    void aWishBeyondTheOpenFilesLimitStopsAtIt() {
        long limit = Libc.openFilesLimit();
        int top = DescriptorTable.reserve(Integer.MAX_VALUE - DescriptorTable.BASE_DESCRIPTORS);
        assertEquals(limit - 1, top);
    }

    private static long fdSize() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("FDSize:")) {
                return Long.parseLong(line.substring("FDSize:".length()).trim());
            }
        }
        throw new AssertionError("no FDSize in /proc/self/status");
    }

    private static long openDescriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
