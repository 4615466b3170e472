package mpmbench.benchmarks.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The CPUs a run's targets could use, from env.csv's pin_target and cores. */
class TargetCpusTest {

    @Test
    void a_pinned_target_may_use_its_list_an_unpinned_one_every_core() {
        assertEquals(1, TargetCpus.of(Map.of("pin_target", "taskset -c 0", "cores", "2")));
        assertEquals(3, TargetCpus.of(Map.of("pin_target", "taskset -c 0,2-3", "cores", "8")));
        assertEquals(4, TargetCpus.of(Map.of("pin_target", "taskset --cpu-list 0-7:2", "cores", "8")));
        assertEquals(2, TargetCpus.of(Map.of("pin_target", "taskset 0x5", "cores", "8")));
        assertEquals(2, TargetCpus.of(Map.of("pin_target", "", "cores", "2")));
        assertEquals(2, TargetCpus.of(Map.of("pin_target", "numactl -C 0", "cores", "2")), "unread pins: every core");
        assertEquals(16, TargetCpus.of(Map.of("pin_target", "taskset -c 0", "cores", "2", "target_host", "h",
                "target_host_cores", "16")), "a target on another host: its cores");
        assertEquals(Double.NaN, TargetCpus.of(Map.of()));
    }
}
