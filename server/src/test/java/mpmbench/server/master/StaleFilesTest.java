package mpmbench.server.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.server.scoreboard.ScoreboardFiles;

class StaleFilesTest {

    @TempDir
    Path dir;

    @Test
    void removesThePidFileAndScoreboardOfADeadPidAndSaysSo() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long pid = gone.pid();
        Path board = ScoreboardFiles.forMaster(pid);
        Files.writeString(board, "stale");
        Path pidFile = dir.resolve("m.pid");
        Files.writeString(pidFile, pid + "\n");
        try {
            String line = StaleFiles.clean(pidFile);
            // Other dead masters' scoreboards on this machine may be named too; ours must be.
            assertTrue(line.startsWith("removed what a dead master (pid ") && line.contains(pid + "")
                    && line.contains(") left: " + pidFile + ", ") && line.contains(board.toString())
                    && !line.contains("\n"), line);
            assertFalse(Files.exists(board));
            assertFalse(Files.exists(pidFile));
            assertFalse(StaleFiles.isLiveMaster(ProcessHandle.current().pid()), "a test JVM is no master");
        } finally {
            Files.deleteIfExists(board);
        }
    }

    @Test
    void aPidFileIsWrittenWholeAndRemovedOnlyWhileItNamesItsMaster() throws Exception {
        Path file = dir.resolve("sub/dir/m.pid");
        PidFile p = PidFile.write(file, 4242);
        assertEquals("4242\n", Files.readString(file));
        assertEquals(OptionalLong.of(4242), PidFile.read(file));
        Files.writeString(file, "777\n");
        p.remove();
        assertTrue(Files.exists(file), "a pid file of another master must stay");
        Files.writeString(file, "4242\n");
        p.remove();
        assertFalse(Files.exists(file));
        assertEquals(OptionalLong.empty(), PidFile.read(file));
    }
}
