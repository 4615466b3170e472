package mpmbench.benchmarks.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroup files and where groups are made, from real files (src/test/resources/proc/cgroup). */
class CgroupFilesTest {

    private static String fixture(String name) throws IOException {
        return ProcFilesTest.fixture("cgroup/" + name);
    }

    @Test
    void cpu_stat_procs_and_single_numbers() throws IOException {
        assertEquals(4817263, CgroupFiles.usageUsec(fixture("cpu.stat")));
        assertEquals(3901118, CgroupFiles.userUsec(fixture("cpu.stat")));
        assertEquals(-1, CgroupFiles.usageUsec("nr_periods 0\n"));
        assertEquals(List.of(12731, 12740, 12741), CgroupFiles.procs(fixture("cgroup.procs")));
        assertEquals(List.of(), CgroupFiles.procs(""));
        assertEquals(372185143L, CgroupFiles.number("372185143\n"));
    }

    @Test
    void mounts_and_own_groups() throws IOException {
        List<CgroupFiles.Mount> m = CgroupFiles.parseMounts(fixture("mounts-hybrid"));
        assertTrue(m.contains(new CgroupFiles.Mount("cgroup", "/sys/fs/cgroup/cpuacct", List.of("rw", "relatime", "cpuacct"))));
        assertTrue(m.contains(new CgroupFiles.Mount("cgroup2", "/sys/fs/cgroup/unified", List.of("rw", "relatime"))));
        var own = CgroupFiles.parseSelfCgroup(fixture("self-hybrid"));
        assertEquals("/", own.get("cpuacct"));
        assertEquals("/", own.get(""));
        assertTrue(own.get("memory").startsWith("/process_api/"));
        assertEquals("/a b", CgroupFiles.parseMounts("cgroup2 /a\\040b cgroup2 rw 0 0").getFirst().dir());
    }

    /** A hybrid host (this test machine): v1 cpuacct wins over the controller-less v2 tree beside it. */
    @Test
    void hybrid_host_reads_v1() throws IOException {
        CgroupHost h = CgroupHost.parse(fixture("mounts-hybrid"), fixture("self-hybrid"));
        assertEquals(CpuMethod.CGROUP_V1, h.method());
        assertEquals(Path.of("/sys/fs/cgroup/cpuacct"), h.cpu());
        assertTrue(h.memory().orElseThrow().startsWith("/sys/fs/cgroup/memory"));
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/pids")), h.pids());
    }

    @Test
    void unified_host_reads_v2_under_its_own_group(@TempDir Path root) throws IOException {
        String mounts = fixture("mounts-v2").replace("/sys/fs/cgroup", root.toString());
        CgroupHost missing = CgroupHost.parse(mounts, fixture("self-v2"));
        assertEquals(CpuMethod.CGROUP_V2, missing.method());
        assertEquals(root, missing.cpu()); // its own group is not there (another namespace): the mount's root
        Path own = Files.createDirectories(root.resolve("user.slice/user-1000.slice/session-3.scope"));
        CgroupHost h = CgroupHost.parse(mounts, fixture("self-v2"));
        assertEquals(own, h.cpu());
        assertEquals(Optional.of(root), h.v2Root());
    }

    @Test
    void nothing_mounted_is_one_line() {
        IOException e = assertThrows(IOException.class, () -> CgroupHost.parse("proc /proc proc rw 0 0\n", "0::/\n"));
        assertEquals("no cgroup v2 and no v1 cpuacct hierarchy is mounted", e.getMessage());
    }
}
