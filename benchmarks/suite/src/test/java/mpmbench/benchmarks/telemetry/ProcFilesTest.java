package mpmbench.benchmarks.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing of real /proc files (captured from a bash process) and a process tree built from them. */
class ProcFilesTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = ProcFilesTest.class.getResourceAsStream("/proc/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void stat_fields_after_the_command_name() throws IOException {
        ProcFiles.Stat s = ProcFiles.parseStat(fixture("stat"));
        assertEquals(new ProcFiles.Stat(8762, 'S', 8761, 6, 11, 24678, 4255), s);
    }

    @Test
    void a_command_name_with_spaces_and_parentheses() {
        ProcFiles.Stat s = ProcFiles.parseStat("42 (a (b) c) R 1 42 42 0 -1 0 0 0 0 0 7 3 2 1 20 0 1 0");
        assertEquals(new ProcFiles.Stat(42, 'R', 1, 7, 3, 2, 1), s);
    }

    @Test
    void schedstat_gives_the_run_queue_wait_or_not_known() {
        assertEquals(1091946, ProcFiles.parseRunDelayNs("4507060 1091946 2\n"));
        assertEquals(-1, ProcFiles.parseRunDelayNs(""));
        assertEquals(-1, ProcFiles.parseRunDelayNs("cpu 1 2"));
    }

    @Test
    void this_jvms_threads_waited_a_known_time_for_a_cpu() {
        // schedstat is in every kernel with CONFIG_SCHED_INFO (Debian's and this machine's); a JVM has
        // threads that have waited at least once since they started
        TreeSample s = ProcReader.system().sample((int) ProcessHandle.current().pid(), 1);
        assertTrue(s.runDelayNs() > 0, s.toString());
    }

    @Test
    void status_and_smaps_rollup() throws IOException {
        assertEquals(new ProcFiles.Status(4436, 1, 325, 593), ProcFiles.parseStatus(fixture("status")));
        assertEquals(998, ProcFiles.parsePssKb(fixture("smaps_rollup")));
        assertEquals(0, ProcFiles.parsePssKb("Rss: 10 kB\n"));
    }

    /** A fake /proc: 100 (the root) with children 101 and 102, 102 with child 103, and 200 elsewhere. */
    @Test
    void tree_sample_sums_over_the_descendants(@TempDir Path proc) throws IOException {
        String status = fixture("status");
        String smaps = fixture("smaps_rollup");
        int[][] procs = {{100, 1}, {101, 100}, {102, 100}, {103, 102}, {200, 1}};
        for (int[] p : procs) {
            Path dir = Files.createDirectories(proc.resolve(Integer.toString(p[0])));
            Files.writeString(dir.resolve("stat"), p[0] + " (java) S " + p[1] + " 1 1 0 -1 0 0 0 0 0 10 5 100 50 20 0 1 0");
            Files.writeString(dir.resolve("status"), status);
            Files.writeString(dir.resolve("smaps_rollup"), smaps);
            Path fd = Files.createDirectories(dir.resolve("fd"));
            for (int i = 0; i < 3; i++) {
                Files.writeString(fd.resolve(Integer.toString(i)), "");
            }
            Path task = Files.createDirectories(dir.resolve("task").resolve(Integer.toString(p[0])));
            Files.writeString(task.resolve("status"), status);
        }
        assertEquals(List.of(100, 101, 102, 103), ProcessTree.of(proc, 100));
        TreeSample s = new ProcReader(proc).sample(100, 5);
        assertEquals(4, s.processes());
        assertEquals(4, s.threads());
        assertEquals(4 * 4436, s.rssKb());
        assertEquals(4 * 998, s.pssKb());
        // utime + stime + cutime + cstime of every member: each one's reaped children are in its cutime
        assertEquals(4 * (15 + 150), s.cpuTicks());
        assertEquals(4 * (15 + 150) * TreeSample.NS_PER_TICK, s.cpuNs());
        assertEquals(CpuMethod.PROC, s.cpuMethod());
        assertEquals(4 * (325 + 593), s.ctxSwitches());
        assertEquals(12, s.fds());
        assertEquals(6e6, s.cpuUsSince(new TreeSample(0, 0, 0, 0, 0, 60, 0, 0, 0, 0)));
        assertTrue(ProcessTree.of(proc, 999).isEmpty());
        assertEquals(0, new ProcReader(proc).sample(999, 5).processes());
    }
}
