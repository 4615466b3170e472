package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** env.csv's {@code loadgen_tls_engine}: the TLS engines our generator's HTTPS cells recorded, from their JSON. */
class EnvInfoTlsEngineTest {

    @Test
    void theDistinctEnginesOfTheHttpsCellsSortedAndNothingForPlainOnes(@TempDir Path latency) throws IOException {
        Files.writeString(latency.resolve("a.json"), "{\"rps\":1.0,\"io_backend\":\"epoll\",\"tls_engine\":\"openssl\"}");
        Files.writeString(latency.resolve("b.json"), "{\"rps\":2.0,\"io_backend\":\"epoll\",\"tls_engine\":\"jsse\"}");
        Files.writeString(latency.resolve("c.json"), "{\"rps\":3.0,\"io_backend\":\"epoll\",\"tls_engine\":null}"); // http://
        Files.writeString(latency.resolve("wrk.json"), "{\"rps\":4.0}");
        assertEquals(List.of("jsse", "openssl"), List.copyOf(EnvInfo.tlsEngines(latency)));
        assertEquals(List.of("epoll"), List.copyOf(EnvInfo.ioBackends(latency)));
    }
}
