package mpmbench.server.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.WorkerStatus;

/** Small configurations of the process models for the ops tests, and what they read from the scoreboard. */
final class OpsModels {

    private OpsModels() {
    }

    /** prefork, worker and event, each with a few children so that 2 cores can restart them quickly. */
    static Stream<Arguments> processModels() {
        return Stream.of(
                Arguments.of("prefork", List.of("StartServers=6", "MinSpareServers=2", "MaxSpareServers=10")),
                Arguments.of("worker", threaded()),
                Arguments.of("event", threaded()));
    }

    /** The process models and virtual, whose one child a graceful restart or stop replaces too. */
    static Stream<Arguments> allModels() {
        return Stream.concat(processModels(), Stream.of(Arguments.of("virtual", List.<String>of())));
    }

    private static List<String> threaded() {
        return List.of("StartServers=2", "ThreadsPerChild=10", "MinSpareThreads=5", "MaxSpareThreads=40",
                "MaxRequestWorkers=160");
    }

    static String[] with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** pid → generation of every child the scoreboard holds. */
    static Map<Long, Integer> children(SharedScoreboard board) {
        Map<Long, Integer> out = new TreeMap<>();
        for (int slot = 0; slot < board.serverLimit(); slot++) {
            long pid = board.pid(slot);
            if (board.processState(slot) != ProcessState.FREE && pid > 0) {
                out.put(pid, board.processGeneration(slot));
            }
        }
        return out;
    }

    /** The connections a child holds: event and virtual count them, prefork and worker show busy workers. */
    static int connectionsHeld(SharedScoreboard board, int slot) {
        int busy = 0;
        for (int w = 0; w < board.workersPerProcess(); w++) {
            WorkerStatus s = board.workerStatus(slot, w);
            busy += s.busy() && s != WorkerStatus.GRACEFUL ? 1 : 0;
        }
        return Math.max(busy, board.connections(slot));
    }

    /**
     * Waits until every child is of {@code generation}, up to {@code seconds}; returns the children
     * of other generations still there (empty on success).
     */
    static Map<Long, Integer> awaitOnly(SharedScoreboard board, int generation, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Map<Long, Integer> other = new TreeMap<>(children(board));
            other.values().removeIf(g -> g == generation);
            if (other.isEmpty() || System.nanoTime() > deadline) {
                return other;
            }
            Thread.sleep(20);
        }
    }

    /** Waits until none of {@code pids} runs, up to {@code seconds}; false if one still does. */
    static boolean awaitGone(Iterable<Long> pids, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long pid : pids) {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(20);
            }
        }
        return true;
    }
}
