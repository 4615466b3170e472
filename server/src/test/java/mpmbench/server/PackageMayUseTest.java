package mpmbench.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import mpmbench.testkit.PackageRules;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each of the server's packages uses only what its {@code package-info.java} says it may use, and
 * that sentence names the same packages as {@link #MAY_USE} (PackageCyclesTest checks there is no
 * circle; this checks the direction). To draw the graph: {@code scripts/package-graph}.
 */
class PackageMayUseTest {

    /**
     * What each package (below {@code mpmbench.server}) may use besides itself: {@code X..} is X and
     * every package below it, {@code X} that package alone ({@link PackageRules}).
     */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("http.ascii", Set.of()),
            Map.entry("http.io", Set.of()),
            Map.entry("http.request", Set.of("http.ascii")),
            Map.entry("http.response", Set.of("http.request", "http.ascii")),
            Map.entry("http", Set.of("http.ascii", "http.io", "http.request", "http.response")),
            Map.entry("handler", Set.of("http", "http.request", "http.response", "http.ascii")),
            Map.entry("config", Set.of("http", "http.request")),
            Map.entry("scoreboard", Set.of("http")),
            Map.entry("master", Set.of("config", "scoreboard", "tls")),
            Map.entry("cli", Set.of("master", "config", "scoreboard", "tls")),
            Map.entry("mpm", Set.of("config", "handler", "http..", "scoreboard", "tls")),
            Map.entry("tls", Set.of("config", "http.io")),
            Map.entry("mpm.prefork", Set.of("mpm", "scoreboard")),
            Map.entry("mpm.worker", Set.of("mpm", "config", "scoreboard")),
            Map.entry("mpm.event", Set.of("mpm", "config", "http..", "scoreboard")),
            Map.entry("mpm.virtual", Set.of("mpm", "config", "http..", "scoreboard")),
            Map.entry("child", Set.of("mpm..", "config", "handler", "http..", "scoreboard")));

    private static final PackageRules RULES = new PackageRules("mpmbench.server", MAY_USE,
            Path.of("src", "main", "java", "mpmbench", "server"));

    @TestFactory
    List<DynamicTest> packageRules() {
        return RULES.tests();
    }
}
