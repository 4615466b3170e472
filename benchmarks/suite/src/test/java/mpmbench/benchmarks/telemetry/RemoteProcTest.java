package mpmbench.benchmarks.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The remote sampler's shell commands, run here through a local {@code sh} (the ssh path is the same
 * session with ssh in front: AgentsSuiteIT runs it over a real sshd), against what {@link ProcReader}
 * and {@link TcpTable} read from this machine's /proc.
 */
class RemoteProcTest {

    @Test
    void a_sleeping_tree_reads_the_same_through_the_shell_as_from_proc() throws Exception {
        // a root shell and two sleeping children: nothing in the tree moves while it is read twice
        Process tree = new ProcessBuilder("sh", "-c", "sleep 30 & sleep 30 & wait").start();
        try (RemoteProc shell = RemoteProc.localShell()) {
            int pid = (int) tree.pid();
            TreeSample local = awaitTree(pid);
            TreeSample remote = shell.sample(pid, local.epochMs());
            assertNull(shell.failure());
            assertEquals(3, remote.processes(), remote.toString());
            // PSS divides shared pages among their sharers: the shell's own cat and grep share libc for a moment
            assertEquals(local.pssKb(), remote.pssKb(), local.pssKb() * 0.2, "PSS");
            assertEquals(local, new TreeSample(remote.epochMs(), remote.processes(), remote.threads(), remote.rssKb(),
                    local.pssKb(), remote.cpuNs(), remote.userNs(), remote.voluntaryCtx(), remote.involuntaryCtx(),
                    remote.runDelayNs(), remote.fds(), remote.cpuMethod(), remote.cgroupMemoryBytes(), remote.cgroupTasks(), remote.livePids()));
            assertEquals(0, shell.sample(Integer.MAX_VALUE - 1, 5).processes(), "no such process: an empty sample");
        } finally {
            tree.descendants().forEach(ProcessHandle::destroy);
            tree.destroy();
            tree.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void what_an_interrupted_read_left_is_not_read_as_the_next_answer() throws Exception {
        try (RemoteProc shell = RemoteProc.localShell()) {
            Thread sampler = Thread.ofPlatform().start(() -> {
                try {
                    shell.run("sleep 0.5; echo late; cat /proc/self/stat");
                } catch (java.io.IOException interrupted) {
                    // what TelemetrySampler.stop() does to a sample in flight
                }
            });
            Thread.sleep(100);
            sampler.interrupt();
            sampler.join();
            assertEquals(List.of("now"), shell.run("echo now"));
            assertNull(shell.failure());
        }
    }

    @Test
    void established_connections_are_counted_on_the_servers_port() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket a = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket b = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             RemoteProc shell = RemoteProc.localShell()) {
            assertEquals(2, shell.established(server.getLocalPort()), "both wait in the accept queue, established");
            assertEquals(TcpTable.system().established(server.getLocalPort()), shell.established(server.getLocalPort()));
        }
    }

    @Test
    void a_process_cut_short_is_left_out_and_the_others_kept() {
        List<String> out = List.of("-- fds 7 4", "-- fds 8 0",
                "/proc/7/stat:7 (a: b) S 1 7 7 0 -1 4194560 1 0 0 0 3 4 5 6 20 0 1 0",
                "/proc/7/status:Threads:\t1", "/proc/7/status:VmRSS:\t100 kB", "/proc/7/status:voluntary_ctxt_switches:\t2",
                "/proc/7/status:nonvoluntary_ctxt_switches:\t1", "/proc/8/stat:8 (sleep) S 7",
                "/proc/7/smaps_rollup:Pss:  80 kB", "/proc/7/task/7/status:voluntary_ctxt_switches:\t2",
                "/proc/7/task/7/status:nonvoluntary_ctxt_switches:\t1", "/proc/7/task/9/status:voluntary_ctxt_switches:\t5");
        // process 8 exited while it was read: its stat is cut and it has no status
        List<ProcessReading> r = RemoteProc.parseFiles(out);
        assertEquals(1, r.size());
        assertEquals(new ProcessReading(new ProcFiles.Stat(7, 'S', 1, 3, 4, 5, 6), new ProcFiles.Status(100, 1, 2, 1),
                80, 7, 1, -1, 4), r.getFirst());
    }

    @Test
    void the_run_queue_wait_is_summed_over_threads_and_unknown_when_a_thread_has_none() {
        List<String> head = List.of("-- fds 7 4", "/proc/7/stat:7 (a) S 1 7 7 0 -1 4194560 1 0 0 0 3 4 5 6 20 0 1 0",
                "/proc/7/status:Threads:\t2", "/proc/7/status:VmRSS:\t100 kB",
                "/proc/7/task/7/status:voluntary_ctxt_switches:\t2", "/proc/7/task/7/status:nonvoluntary_ctxt_switches:\t1",
                "/proc/7/task/9/status:voluntary_ctxt_switches:\t5", "/proc/7/task/9/status:nonvoluntary_ctxt_switches:\t0",
                "/proc/7/task/7/schedstat:1000 300 4");
        List<String> both = new java.util.ArrayList<>(head);
        both.add("/proc/7/task/9/schedstat:2000 45 7");
        assertEquals(345, RemoteProc.parseFiles(both).getFirst().runDelayNs());
        assertEquals(-1, RemoteProc.parseFiles(head).getFirst().runDelayNs(), "thread 9's wait was not read");
    }

    /** The tree once both children run (sh starts them a moment after it starts). */
    private static TreeSample awaitTree(int pid) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        TreeSample s;
        do {
            Thread.sleep(50);
            s = ProcReader.system().sample(pid, 1);
        } while (s.processes() < 3 && System.nanoTime() < until);
        assertTrue(s.processes() == 3, s.toString());
        return s;
    }
}
