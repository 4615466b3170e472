package mpmbench.benchmarks.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which scenarios suite --duet runs as a duet, why the others stay sequential, and what env.csv says back. */
class DesignTest {

    @Test
    void only_the_closed_model_load_scenarios_over_plain_http_run_as_a_duet() {
        for (SuiteKind kind : SuiteKind.values()) {
            Set<String> duets = new java.util.TreeSet<>();
            for (Scenario s : Scenarios.of(kind, 2)) {
                if (Design.duet(s)) {
                    duets.add(s.name());
                } else {
                    assertNotNull(Design.sequentialBecause(s));
                    assertFalse(Design.sequentialBecause(s).isBlank(), s.name());
                }
            }
            assertEquals(Set.of(Scenarios.HELLO, Scenarios.CHURN, Scenarios.SLOW_BACKEND, Scenarios.CPU, Scenarios.LARGE),
                    duets, kind.toString());
        }
    }

    @Test
    void env_csv_names_the_duet_cells_of_our_models_only() {
        Map<String, String> env = Map.of(Design.KEY, Design.DUET, Design.DUET_SCENARIOS_KEY, "hello, churn",
                Design.DUET_WARMUP_KEY, "5.0");
        Set<String> duets = Design.duetScenarios(env);
        assertEquals(Set.of("hello", "churn"), duets);
        assertTrue(Design.duetCell(duets, "hello", "java-event"));
        assertTrue(Design.duetCell(duets, "hello", "base:java-event"));
        assertFalse(Design.duetCell(duets, "hello", "httpd-event"), "the peers run alone");
        assertFalse(Design.duetCell(duets, "crash", "java-event"));
        assertTrue(Design.describe(env).startsWith("duet: hello, churn"), Design.describe(env));
        // a sequential run, and one from before the key, has no duet cell
        assertEquals(Set.of(), Design.duetScenarios(Map.of(Design.KEY, Design.SEQUENTIAL, Design.DUET_SCENARIOS_KEY, "hello")));
        assertEquals(Set.of(), Design.duetScenarios(Map.of()));
        assertTrue(Design.describe(Map.of()).startsWith("sequential"));
    }
}
