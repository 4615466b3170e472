package mpmbench.server.scoreboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedScoreboardTest {

    @TempDir
    Path dir;

    @Test
    void aSecondMappingSeesWhatTheFirstWrote() throws IOException {
        Path file = dir.resolve("board");
        try (SharedScoreboard master = SharedScoreboard.create(file, 4, 3, 1, 42);
             SharedScoreboard child = SharedScoreboard.open(file)) {
            assertEquals(4, child.serverLimit());
            assertEquals(3, child.workersPerProcess());
            assertEquals(WorkerStatus.OPEN, child.workerStatus(3, 2));
            master.claimProcess(2, 1234, 7);
            assertEquals(1234, child.pid(2));
            assertEquals(7, child.processGeneration(2));
            assertEquals(ProcessState.STARTING, child.processState(2));
            child.setWorkerStatus(2, 1, WorkerStatus.KEEPALIVE);
            child.countWorkerRequest(2, 1, 100);
            child.countWorkerRequest(2, 1, 50);
            assertEquals(WorkerStatus.KEEPALIVE, master.workerStatus(2, 1));
            assertEquals(2, master.workerRequests(2, 1));
            assertEquals(150, master.workerBytes(2, 1));
            assertFalse(child.quitRequested(2));
            master.requestQuit(2);
            assertTrue(child.quitRequested(2));
            master.releaseProcess(2);
            assertEquals(ProcessState.FREE, child.processState(2));
            assertEquals(WorkerStatus.OPEN, child.workerStatus(2, 1));
        }
    }

    @Test
    void retirementFlagsAreClearedForTheSlotsNextChild() throws IOException {
        try (SharedScoreboard master = SharedScoreboard.create(dir.resolve("board"), 2, 1, 1, 42);
             SharedScoreboard child = SharedScoreboard.open(dir.resolve("board"))) {
            master.claimProcess(1, 7, 0);
            child.announceRetiring(1);
            assertTrue(master.retiring(1));
            assertFalse(child.retiringAllowed(1));
            master.allowRetiring(1);
            assertTrue(child.retiringAllowed(1));
            assertFalse(master.retiring(0));
            master.releaseProcess(1);
            master.claimProcess(1, 8, 0);
            assertFalse(master.retiring(1));
            assertFalse(child.retiringAllowed(1));
        }
    }

    @Test
    void statusPageRendersApacheLettersAndAutoKeys() throws IOException {
        Path file = dir.resolve("board");
        try (SharedScoreboard board = SharedScoreboard.create(file, 2, 2, 1, 42)) {
            board.claimProcess(0, 99, 0);
            board.setProcessState(0, ProcessState.READY);
            board.setWorkerStatus(0, 0, WorkerStatus.READY);
            board.setWorkerStatus(0, 1, WorkerStatus.WRITING);
            board.countWorkerRequest(0, 1, 2048);
            StringBuilder auto = new StringBuilder();
            new StatusReport(board, "worker").render(true, auto);
            String s = auto.toString();
            assertTrue(s.contains("Scoreboard: _W..\n"), s);
            assertTrue(s.contains("BusyWorkers: 1\n"), s);
            assertTrue(s.contains("IdleWorkers: 1\n"), s);
            assertTrue(s.contains("Total Accesses: 1\n"), s);
            assertTrue(s.contains("Total kBytes: 2\n"), s);
        }
    }

    @Test
    void refusesAFileThatIsNotAScoreboard() throws IOException {
        Path file = dir.resolve("junk");
        Files.write(file, new byte[100]);
        assertThrows(IOException.class, () -> SharedScoreboard.open(file));
    }

    @Test
    void deleteRemovesTheFile() throws IOException {
        Path file = dir.resolve("board");
        SharedScoreboard.create(file, 1, 1, 0, 1).delete();
        assertFalse(Files.exists(file));
    }

    @Test
    void oldGenerationProcessesShowGForEveryWorker() throws IOException {
        Path file = dir.resolve("board");
        try (SharedScoreboard board = SharedScoreboard.create(file, 2, 2, 1, 42)) {
            board.claimProcess(0, 100, 0);
            board.setProcessState(0, ProcessState.READY);
            board.setWorkerStatus(0, 0, WorkerStatus.WRITING);
            board.setWorkerStatus(0, 1, WorkerStatus.READY);
            board.setGeneration(1);
            board.claimProcess(1, 101, 1);
            board.setProcessState(1, ProcessState.READY);
            board.setWorkerStatus(1, 0, WorkerStatus.READY);
            board.setWorkerStatus(1, 1, WorkerStatus.KEEPALIVE);
            StringBuilder out = new StringBuilder();
            new StatusReport(board, "worker").render(true, out);
            assertTrue(out.toString().contains("Scoreboard: GG_K\n"), out.toString());
            assertTrue(out.toString().contains("ServerGeneration: 1\n"), out.toString());
        }
    }

    @Test
    void theControlWordIsTakenOnce() throws IOException {
        try (SharedScoreboard board = SharedScoreboard.create(dir.resolve("board"), 1, 1, 1, 42)) {
            assertEquals(0, board.takeControlRequest());
            board.requestControl(3);
            board.setSignalsHandled(0b11110);
            assertEquals(3, board.takeControlRequest());
            assertEquals(0, board.takeControlRequest());
            assertEquals(0b11110, board.signalsHandled());
            assertEquals(42, board.masterPid());
        }
    }
}
