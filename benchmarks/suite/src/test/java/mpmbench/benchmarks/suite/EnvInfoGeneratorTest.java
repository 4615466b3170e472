package mpmbench.benchmarks.suite;

import static mpmbench.benchmarks.suite.ParsedSuite.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.benchmarks.results.ResultsFolder;

/**
 * env.csv's {@code generator} ({@link ResultsFolder#GENERATOR_KEY}): every run names its load
 * generator, ours too, once.
 */
class EnvInfoGeneratorTest {

    private static List<String> generators(LoadGenerator g, SuitePlan p) {
        return EnvInfo.generatorRows(g, p).stream().filter(kv -> kv[0].equals(ResultsFolder.GENERATOR_KEY))
                .map(kv -> kv[1]).toList();
    }

    @Test
    void ours_is_named_as_wrk_is_and_each_once() {
        SuitePlan p = plan("quick", "--root", "/repo");
        assertEquals(List.of(ResultsFolder.OUR_GENERATOR), generators(LoadGenerator.LOADGEN, p));
        assertEquals(1, EnvInfo.generatorRows(LoadGenerator.LOADGEN, p).size(), "ours adds no other row");
        assertEquals(List.of(ResultsFolder.WRK), generators(WrkRun.INSTANCE, p));
        assertEquals(List.of(ResultsFolder.GENERATOR_KEY, "generator_version", "generator_method"),
                EnvInfo.generatorRows(WrkRun.INSTANCE, p).stream().map(kv -> kv[0]).toList());
    }
}
