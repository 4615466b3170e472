package mpmbench.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConfigLoaderTest {

    private static final String FILE = """
            # shared by every model
            Listen 0.0.0.0:9090
            keepalivetimeout 0.5
            Timeout 30
            MaxRequestsPerChild 1000
            ChildJvmOptions "-Xmx64m -XX:+UseSerialGC"
            <IfModule mpm_event_module>
                ThreadsPerChild 32
                MaxRequestWorkers 512
                AsyncRequestWorkerFactor 1.5
            </IfModule>
            <IfModule mpm_prefork_module>
                StartServers 8
            </IfModule>
            """;

    @Test
    void fileOverridesDefaults() {
        ServerConfig c = ConfigLoader.forModel(Mpm.EVENT).fileText("t.conf", FILE).load().config();
        assertEquals("0.0.0.0", c.listenHost());
        assertEquals(9090, c.listenPort());
        assertEquals(500, c.timeouts().keepAliveTimeoutMs());
        assertEquals(30_000, c.timeouts().timeoutMs());
        assertEquals(1000, c.maxConnectionsPerChild());
        assertEquals(List.of("-Xmx64m", "-XX:+UseSerialGC"), c.childJvmOptions());
        assertEquals(32, c.threadsPerChild());
        assertEquals(512, c.maxRequestWorkers());
        assertEquals(1.5, c.asyncRequestWorkerFactor());
        assertEquals(3, c.startServers(), "the prefork block does not apply to event");
    }

    @Test
    void setOverridesWinOverTheFileInOrder() {
        LoadedConfig loaded = ConfigLoader.forModel(Mpm.EVENT).fileText("t.conf", FILE)
                .set("ThreadsPerChild=64")
                .set(List.of("timeout=250ms", "Timeout=2", "ChildJvmOptions=\"-Xmx32m -Xss256k\""))
                .load();
        ServerConfig c = loaded.config();
        assertEquals(64, c.threadsPerChild());
        assertEquals(2_000, c.timeouts().timeoutMs());
        assertEquals(List.of("-Xmx32m", "-Xss256k"), c.childJvmOptions());
        EffectiveDirective tpc = find(loaded, Directive.THREADS_PER_CHILD);
        assertEquals(new EffectiveDirective(Directive.THREADS_PER_CHILD, "64", Source.SET, "--set", true, null), tpc);
        EffectiveDirective mrw = find(loaded, Directive.MAX_REQUEST_WORKERS);
        assertEquals(Source.FILE, mrw.source());
        assertEquals("t.conf:9", mrw.origin());
        assertEquals(Source.DEFAULT, find(loaded, Directive.LISTEN_BACKLOG).source());
    }

    @Test
    void readsARealFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("httpd.conf");
        Files.writeString(file, FILE);
        assertEquals(8, ConfigLoader.forModel(Mpm.PREFORK).file(file).load().config().startServers());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.forModel(Mpm.PREFORK).file(dir.resolve("missing.conf")).load());
        assertEquals("cannot read config file " + dir.resolve("missing.conf") + ": No such file or directory",
                e.getMessage());
    }

    @Test
    void unknownDirectiveInAFileNamesFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.forModel(Mpm.WORKER).fileText("conf/x.conf", "Timeout 5\n\nMaxThreads 5\n").load());
        assertEquals("conf/x.conf:3: Invalid command 'MaxThreads', perhaps misspelled or defined by a module not"
                + " included in the server configuration (see mpmbench serve --help for the directives it reads)",
                e.getMessage());
    }

    @Test
    void otherModelsDirectivesAreIgnoredButListed() {
        LoadedConfig loaded = ConfigLoader.forModel(Mpm.PREFORK)
                .set("ThreadsPerChild=500").set("AsyncRequestWorkerFactor=4").load();
        assertEquals(ModelDefaults.of(Mpm.PREFORK), loaded.config());
        EffectiveDirective tpc = find(loaded, Directive.THREADS_PER_CHILD);
        assertFalse(tpc.applies());
        assertEquals("ThreadsPerChild 500 (--set; ignored by prefork)", tpc.describe());
        assertEquals("MinSpareThreads 0 (default; not used by prefork)",
                find(loaded, Directive.MIN_SPARE_THREADS).describe());
    }

    @Test
    void adjustmentsAreWarningsAndNotes() {
        LoadedConfig loaded = ConfigLoader.forModel(Mpm.PREFORK)
                .set("MinSpareServers=8").set("MaxSpareServers=3").load();
        assertEquals(9, loaded.config().maxSpareServers());
        assertEquals(List.of("--set: MaxSpareServers of 3 is less than MinSpareServers + 1, increasing to 9, as httpd"
                + " does at start."), loaded.warnings());
        assertEquals("MaxSpareServers 9 (--set; raised from 3 to MinSpareServers + 1)",
                find(loaded, Directive.MAX_SPARE_SERVERS).describe());

        LoadedConfig worker = ConfigLoader.forModel(Mpm.WORKER)
                .set("MaxRequestWorkers=390").set("MaxSpareThreads=80").load();
        assertEquals(375, worker.config().maxRequestWorkers());
        assertEquals(100, worker.config().maxSpareThreads());
        assertEquals(List.of(
                "--set: MaxRequestWorkers of 390 is not an integer multiple of ThreadsPerChild of 25, decreasing to"
                        + " nearest multiple 375, for a maximum of 15 servers.",
                "--set: MaxSpareThreads of 80 is less than MinSpareThreads + ThreadsPerChild, increasing to 100, as"
                        + " httpd does at start."),
                worker.warnings());
    }

    @Test
    void listingCoversEveryDirectiveInOrder() {
        LoadedConfig loaded = ConfigLoader.forModel(Mpm.EVENT).fileText("t.conf", FILE).load();
        assertEquals(List.of(Directive.values()),
                loaded.effective().stream().map(EffectiveDirective::directive).toList());
        assertTrue(loaded.describe().contains("KeepAliveTimeout 500ms (file t.conf:3)"));
        assertTrue(loaded.describe().contains("KeepAlive On (default)"));
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void setArgumentsRoundTripForEveryModel(Mpm mpm) {
        ServerConfig original = ConfigLoader.forModel(mpm).fileText("t.conf", FILE)
                .set("Listen=[::1]:0").set("GracefulShutdownTimeout=1.25").set("LimitRequestBody=0")
                .set("KeepAlive=off").load().config();
        List<String> args = ConfigLoader.toSetArguments(original);
        ServerConfig copy = ConfigLoader.forModel(mpm).set(args).load().config();
        assertEquals(original, copy);
        assertEquals(copy, ConfigLoader.forModel(mpm).set(ConfigLoader.toSetArguments(copy)).load().config());
        assertTrue(args.contains("Listen=[::1]:0"));
        assertTrue(args.contains("GracefulShutdownTimeout=1250ms"));
    }

    @ParameterizedTest
    @EnumSource(Mpm.class)
    void defaultsRoundTripAndOnlyApplicableDirectivesArePassed(Mpm mpm) {
        ServerConfig defaults = ModelDefaults.of(mpm);
        List<String> args = ConfigLoader.toSetArguments(defaults);
        assertEquals(defaults, ConfigLoader.forModel(mpm).set(args).load().config());
        long applicable = java.util.Arrays.stream(Directive.values()).filter(d -> d.appliesTo(mpm)).count();
        assertEquals(applicable, args.size());
    }

    @Test
    void emptyJvmOptionListIsAllowedAndRoundTrips() {
        ServerConfig c = ConfigLoader.forModel(Mpm.VIRTUAL).set("ChildJvmOptions=").load().config();
        assertEquals(List.of(), c.childJvmOptions());
        assertEquals(c, ConfigLoader.forModel(Mpm.VIRTUAL).set(ConfigLoader.toSetArguments(c)).load().config());
    }

    private static EffectiveDirective find(LoadedConfig loaded, Directive d) {
        return loaded.effective().stream().filter(e -> e.directive() == d).findFirst().orElseThrow();
    }
}
