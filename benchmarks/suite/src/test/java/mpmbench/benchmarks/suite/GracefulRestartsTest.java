package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class GracefulRestartsTest {

    /** A control command still running at the window's end is the cell's CPU (WindowDisturbance), not "other". */
    @Test
    void a_running_control_command_counts_its_cpu_until_it_is_reaped() throws Exception {
        // burns 0.3 s of user CPU as the kernel counts it, then waits: still running when we look
        List<String> command = List.of("perl", "-e", "while ((times)[0] < 0.3) {} sleep 1; print \"done\\n\"");
        GracefulRestarts restarts = new GracefulRestarts(command, 1, Duration.ofSeconds(1));
        assertEquals(0, restarts.runningCpuNs());
        restarts.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (restarts.runningCpuNs() < 250_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(restarts.runningCpuNs() >= 250_000_000L, "the running command's CPU: " + restarts.runningCpuNs());
        List<GracefulRestarts.Restart> done = restarts.finish();
        assertEquals(1, done.size());
        assertEquals(0, done.getFirst().exitCode(), done.getFirst().output());
        assertEquals(0, restarts.runningCpuNs(), "a reaped command is this JVM's cutime, not counted twice");
    }
}
