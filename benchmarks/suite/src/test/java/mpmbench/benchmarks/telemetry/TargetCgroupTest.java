package mpmbench.benchmarks.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a target's group is made and how the target enters it, on plain directories standing for v1
 * hierarchies (no root needed; CpuAccountingTest reads real groups).
 */
class TargetCgroupTest {

    @Test
    void one_group_per_hierarchy_entered_before_exec_and_removed(@TempDir Path root) throws IOException {
        Path cpuacct = Files.createDirectories(root.resolve("cpuacct"));
        Path memory = Files.createDirectories(root.resolve("memory/suite"));
        CgroupHost host = new CgroupHost(CpuMethod.CGROUP_V1, cpuacct, Optional.of(memory), Optional.empty(),
                Optional.empty());
        TargetCgroup g = TargetCgroup.make(host, "httpd event");
        Path leaf = g.cpuDir();
        assertEquals(cpuacct.resolve("mpmbench"), leaf.getParent());
        assertTrue(leaf.getFileName().toString().startsWith("httpd_event-" + ProcessHandle.current().pid() + "-"));
        assertTrue(Files.isDirectory(memory.resolve("mpmbench").resolve(leaf.getFileName())));
        assertEquals(CpuMethod.CGROUP_V1, g.method());

        List<String> cmd = g.wrap(List.of("/usr/sbin/nginx", "-g", "daemon off;"));
        assertEquals(List.of("sh", "-c"), cmd.subList(0, 2));
        assertEquals("echo $$ > '" + leaf.resolve("cgroup.procs") + "' 2>/dev/null; echo $$ > '"
                + memory.resolve("mpmbench").resolve(leaf.getFileName()).resolve("cgroup.procs")
                + "' 2>/dev/null; exec \"$@\"", cmd.get(2));
        assertEquals(List.of("sh", "/usr/sbin/nginx", "-g", "daemon off;"), cmd.subList(3, cmd.size()));

        g.close();
        assertTrue(Files.notExists(leaf));
        assertTrue(Files.isDirectory(cpuacct.resolve("mpmbench")), "the shared parent stays for the next target");
    }

    @Test
    void a_group_that_cannot_be_made_is_one_line(@TempDir Path root) {
        CgroupHost host = new CgroupHost(CpuMethod.CGROUP_V1, root.resolve("absent"), Optional.empty(), Optional.empty(),
                Optional.empty());
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> TargetCgroup.make(host, "x"));
        assertTrue(e.getMessage().startsWith("cannot make " + root.resolve("absent/mpmbench")), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
