package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mpmbench.server.config.ConfigLoader;
import mpmbench.server.config.ModelCapacity;
import mpmbench.server.config.Mpm;
import mpmbench.server.config.ServerConfig;

/**
 * The connections a target holds by its directives ({@link ConnectionCapacity}), against what the
 * server itself makes of the same directives (its {@code ConfigLoader}, defaults and adjustments
 * included, and {@code ModelCapacity}'s children): the suite's copy of the defaults cannot drift from
 * the server's. And the note an idle cell gets when its connections pass the limit.
 */
class ConnectionCapacityTest {

    @ParameterizedTest
    @CsvSource({
        // model, --set of the target (none: the suite's stock directives)
        "prefork, ''",
        "prefork, MaxRequestWorkers=10;ServerLimit=20",
        "worker,  ''",
        "worker,  ThreadsPerChild=10;MaxRequestWorkers=35",
        "event,   ''",
        "event,   AsyncRequestWorkerFactor=400",
        "event,   ThreadsPerChild=4;MaxRequestWorkers=8;AsyncRequestWorkerFactor=1.5",
        "virtual, ''",
        "virtual, MaxRequestWorkers=300",
    })
    void theLimitIsWhatTheServerMakesOfTheSameDirectives(String mpm, String sets) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String s : sets.split(";")) {
            if (!s.isBlank()) {
                overrides.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
            }
        }
        Map<String, String> directives = Directives.forMpm(mpm, overrides);
        ConfigLoader loader = ConfigLoader.forModel(Mpm.parse(mpm));
        directives.forEach((k, v) -> loader.set(k + "=" + v));
        ServerConfig config = loader.load().config();
        int children = ModelCapacity.of(config).maxChildren();
        int expected = switch (mpm) {
            case "prefork" -> children;
            case "worker" -> children * config.threadsPerChild();
            case "event" -> children * (int) Math.ceil(config.threadsPerChild() * (1 + config.asyncRequestWorkerFactor()));
            default -> config.maxRequestWorkers();
        };
        assertEquals(expected, ConnectionCapacity.of(TargetSpec.parse("java-" + mpm), directives).orElseThrow()
                .connections(), mpm + " " + directives);
    }

    @Test
    void theStockEventTargetsHold450() {
        for (String t : new String[] {"java-event", "httpd-event"}) {
            assertEquals(450, ConnectionCapacity.of(TargetSpec.parse(t), Directives.forMpm("event", Map.of()))
                    .orElseThrow().connections(), t);
        }
    }

    @Test
    void aCellPastTheLimitSaysSoAndOneWithinItSaysNothing() {
        Map<String, String> stock = Directives.forMpm("event", Map.of());
        TargetSpec event = TargetSpec.parse("java-event");
        assertEquals("", ConnectionCapacity.note(event, stock, 16 + 300 + 1));
        String note = ConnectionCapacity.note(event, stock, 16 + 2000 + 1);
        assertTrue(note.startsWith("java-event holds at most 450 connections at once by its directives (6 children × "
                + "(ThreadsPerChild 25 + AsyncRequestWorkerFactor 2 × 25 idle threads)), fewer than the 2017 of this cell"),
                note);
        assertTrue(note.endsWith("httpd's event MPM has the same limit" + ConnectionCapacity.EVENT_PAST_THE_LIMIT), note);
        assertTrue(ConnectionCapacity.note(TargetSpec.parse("java-virtual"), Directives.forMpm("virtual", Map.of()),
                10_017).contains("MaxRequestWorkers 10000 connections"));
        assertEquals("", ConnectionCapacity.note(TargetSpec.parse("nginx"), Map.of(), 10_017));
    }
}
