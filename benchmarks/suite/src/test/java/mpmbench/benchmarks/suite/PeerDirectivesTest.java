package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check {@code scripts/compare-server} made before every run, now made once by the build: the
 * directives the suite gives java-X and httpd-X alike ({@code peers/directives-X.txt}, a classpath copy
 * of {@code scripts/peers/}) are the copy's, and each has the same value in
 * {@code scripts/peers/httpd-X.conf} or {@code httpd-common.inc}, the files {@code scripts/lib/peers.sh}
 * starts httpd with ({@code scripts/conformance-table}).
 */
class PeerDirectivesTest {

    private static final Path PEERS = Path.of(System.getProperty("mpmbench.root", "../..")).toAbsolutePath().normalize()
            .resolve("scripts/peers");

    @ParameterizedTest
    @ValueSource(strings = {"prefork", "worker", "event", "virtual"})
    void the_suites_directives_are_the_scripts_copy(String mpm) throws IOException {
        assertEquals(Directives.parse(Files.readString(PEERS.resolve("directives-" + mpm + ".txt"))),
                Directives.forMpm(mpm, Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prefork", "worker", "event"})
    void httpd_X_conf_says_what_java_X_is_given(String mpm) throws IOException {
        Map<String, String> httpd = new LinkedHashMap<>();
        for (String file : new String[] {"httpd-common.inc", "httpd-" + mpm + ".conf"}) {
            for (String line : Files.readAllLines(PEERS.resolve(file))) {
                String[] f = line.strip().split("\\s+");
                if (f.length >= 2 && !f[0].startsWith("#")) {
                    httpd.putIfAbsent(f[0].toLowerCase(Locale.ROOT), f[1]);
                }
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> found = new LinkedHashMap<>();
        Directives.forMpm(mpm, Map.of()).forEach((name, value) -> {
            expected.put(name, value);
            found.put(name, httpd.getOrDefault(name.toLowerCase(Locale.ROOT), "<missing>"));
        });
        assertEquals(expected, found, "directives-" + mpm + ".txt against httpd-" + mpm + ".conf / httpd-common.inc");
    }
}
