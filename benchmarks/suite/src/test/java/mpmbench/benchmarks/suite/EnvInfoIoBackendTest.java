package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** env.csv's {@code loadgen_io_backend}: the backends our generator's cells recorded, from their JSON. */
class EnvInfoIoBackendTest {

    @Test
    void theDistinctBackendsOfTheCellsResultsSortedAndNothingForOtherFiles(@TempDir Path latency) throws IOException {
        Files.writeString(latency.resolve("a.json"), "{\"rps\":1.0,\"io_backend\":\"nio\"}");
        Files.writeString(latency.resolve("b.json"), "{\"rps\":2.0,\"io_backend\":\"epoll\"}");
        Files.writeString(latency.resolve("c.json"), "{\"rps\":3.0,\"io_backend\":\"epoll\"}");
        Files.writeString(latency.resolve("wrk.json"), "{\"rps\":4.0}"); // wrk's: no backend of ours
        Files.writeString(latency.resolve("a.hgrm"), "not json");
        assertEquals(List.of("epoll", "nio"), List.copyOf(EnvInfo.ioBackends(latency)));
        assertEquals(Set.of(), EnvInfo.ioBackends(latency.resolve("missing")));
    }
}
