package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * {@code mpmbench ctl} against a real server, quickly (the load tests are in the ops profile): the
 * pid file, graceful and hard restarts, stop leaving nothing behind, the clean-up after a master
 * killed with SIGKILL, and a second start refused.
 */
class ControlTest {

    private static final String[] TWO_PREFORK = {"StartServers=2", "MinSpareServers=1", "MaxSpareServers=4"};

    @Test
    void gracefulAndHardRestartsReplaceEveryChildAndStopLeavesNothing() throws Exception {
        RunningServer server = RunningServer.start("prefork", TWO_PREFORK);
        try {
            assertEquals(Long.toString(server.master.pid()), Files.readString(server.pidFile).strip());
            Set<Long> first = pids(server.awaitChildren(2, Duration.ofSeconds(10)));
            assertEquals(0, server.ctl("graceful"), server.output());
            try (SharedScoreboard board = server.board()) {
                assertEquals(1, board.generation());
            }
            awaitGone(first);
            Set<Long> second = pids(server.children());
            assertFalse(second.isEmpty());
            assertTrue(second.stream().noneMatch(first::contains), "a child of generation 0 survived: " + second);
            server.awaitReady(Duration.ofSeconds(10));

            assertEquals(0, server.ctl("restart"), server.output());
            try (SharedScoreboard board = server.board()) {
                assertEquals(2, board.generation());
            }
            awaitGone(second);
            server.awaitReady(Duration.ofSeconds(10));
            assertEquals(0, server.ctl("status"));

            List<ProcessHandle> all = server.master.toHandle().descendants().toList();
            assertEquals(0, server.ctl("stop"), server.output());
            assertTrue(server.master.waitFor(5, TimeUnit.SECONDS));
            assertTrue(all.stream().noneMatch(ProcessHandle::isAlive), "a child outlived the stop");
            assertFalse(Files.exists(server.pidFile), "pid file left behind");
            assertFalse(server.scoreboardExists(), "scoreboard left behind");
            assertEquals(1, server.ctl("stop"), "stop of a stopped server");
            assertEquals(3, server.ctl("status"), "status of a stopped server");
        } finally {
            server.close();
        }
    }

    @Test
    void aStartRemovesWhatAKilledMasterLeftAndSaysSoInOneLine(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("master.pid");
        RunningServer dead = RunningServer.start(List.of(), pidFile, "worker", "StartServers=1");
        List<ProcessHandle> kids = dead.master.toHandle().descendants().toList();
        long deadPid = dead.master.pid();
        new ProcessBuilder("kill", "-KILL", Long.toString(deadPid)).start().waitFor();
        dead.master.waitFor(5, TimeUnit.SECONDS);
        for (ProcessHandle k : kids) {
            k.onExit().get(5, TimeUnit.SECONDS); // children halt when their master dies
        }
        assertTrue(dead.scoreboardExists() && Files.exists(pidFile), "SIGKILL should leave both files");

        try (RunningServer next = RunningServer.start(List.of(), pidFile, "worker", "StartServers=1")) {
            List<String> lines = next.output().lines().filter(l -> l.contains("dead master")).toList();
            assertEquals(List.of("mpmbench serve: removed what a dead master (pid " + deadPid + ") left: " + pidFile + ", "
                    + dead.scoreboard), lines, next.output());
            assertFalse(dead.scoreboardExists());
            assertEquals(Long.toString(next.master.pid()), Files.readString(pidFile).strip());

            Process second = new ProcessBuilder(RunningServer.command(List.of(), pidFile, "worker"))
                    .redirectErrorStream(true).start();
            assertTrue(second.waitFor(20, TimeUnit.SECONDS));
            String out = new String(second.getInputStream().readAllBytes());
            assertEquals(1, second.exitValue(), out);
            assertTrue(out.contains("already running as pid " + next.master.pid()), out);
        }
    }

    @Test
    void ctlRefusesAnUnknownActionWithTheAcceptedOnes() throws Exception {
        try (RunningServer server = RunningServer.start("prefork", TWO_PREFORK)) {
            assertEquals(2, server.ctl("reload"));
            assertEquals(2, server.ctl("stop", "--mpm", "event"), "only start takes serve options");
            assertEquals(0, server.ctl("status"));
        }
    }

    private static Set<Long> pids(List<ProcessHandle> children) {
        return children.stream().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static void awaitGone(Set<Long> pids) throws Exception {
        for (long pid : pids) {
            ProcessHandle h = ProcessHandle.of(pid).orElse(null);
            if (h != null) {
                h.onExit().get(15, TimeUnit.SECONDS);
            }
        }
    }
}
