package mpmbench.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import mpmbench.server.http.ConnectionTimeouts;
import mpmbench.server.http.request.HttpLimits;

class ModelDefaultsTest {

    @Test
    void preforkHasHttpdDefaults() {
        ServerConfig c = load(Mpm.PREFORK);
        assertEquals(List.of(5, 5, 10, 256, 256, 1),
                List.of(c.startServers(), c.minSpareServers(), c.maxSpareServers(), c.serverLimit(),
                        c.maxRequestWorkers(), c.threadsPerChild()));
    }

    @ParameterizedTest
    @EnumSource(value = Mpm.class, names = {"WORKER", "EVENT"})
    void threadedModelsHaveHttpdDefaults(Mpm mpm) {
        ServerConfig c = load(mpm);
        assertEquals(List.of(3, 75, 250, 25, 64, 16, 400),
                List.of(c.startServers(), c.minSpareThreads(), c.maxSpareThreads(), c.threadsPerChild(),
                        c.threadLimit(), c.serverLimit(), c.maxRequestWorkers()));
    }

    @Test
    void onlyEventHasAnAsyncFactor() {
        assertEquals(2.0, load(Mpm.EVENT).asyncRequestWorkerFactor());
        assertEquals(0.0, load(Mpm.WORKER).asyncRequestWorkerFactor());
    }

    @Test
    void virtualIsOneProcessWithAConnectionLimit() {
        ServerConfig c = load(Mpm.VIRTUAL);
        assertEquals(List.of(1, 1, 1, 10_000),
                List.of(c.startServers(), c.serverLimit(), c.threadsPerChild(), c.maxRequestWorkers()));
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void everyModelSharesTheCoreDefaults(Mpm mpm) {
        LoadedConfig loaded = ConfigLoader.forModel(mpm).load();
        ServerConfig c = loaded.config();
        assertEquals(mpm, c.mpm());
        assertEquals(0, c.maxConnectionsPerChild());
        assertEquals(511, c.listenBacklog());
        assertEquals(ConnectionTimeouts.DEFAULTS, c.timeouts());
        assertEquals(0, c.gracefulShutdownTimeoutMs());
        assertEquals(HttpLimits.DEFAULTS, c.limits());
        assertEquals("127.0.0.1", c.listenHost());
        assertEquals(8080, c.listenPort());
        assertEquals(ChildJvmDefaults.OPTIONS, c.childJvmOptions());
        assertEquals(ModelDefaults.of(mpm), c, "defaults pass validation unchanged");
        assertEquals(List.of(), loaded.warnings());
        assertTrue(loaded.effective().stream().allMatch(e -> e.source() == Source.DEFAULT));
    }

    @Test
    void defaultJvmOptionsLeaveCdsToTheMaster() {
        assertTrue(ChildJvmDefaults.OPTIONS.stream().noneMatch(o -> o.contains("SharedArchiveFile")
                || o.contains("Xshare") || o.contains("AOTCache")));
    }

    private static ServerConfig load(Mpm mpm) {
        return ConfigLoader.forModel(mpm).load().config();
    }
}
