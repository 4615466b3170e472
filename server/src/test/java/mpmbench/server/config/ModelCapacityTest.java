package mpmbench.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelCapacityTest {

    @ParameterizedTest
    @CsvSource({
        // model,  sets,                                          workers, idle/child, minSp, maxSp, children, slots
        "prefork, '',                                              1,  1,  5,  10,         256, 256",
        "prefork, MaxRequestWorkers=10;ServerLimit=20,             1,  1,  5,  10,          10,  20",
        "worker,  '',                                             25, 25, 75, 250,          16,  16",
        "event,   ThreadsPerChild=10;MaxRequestWorkers=30,        10, 10, 75, 250,           3,  16",
        "virtual, '',                                              0,  1,  1, 2147483647,    1,   2",
    })
    void eachModelsFactsComeFromItsDirectives(String mpm, String sets, int workers, int idlePerChild, int minSpare,
                                              int maxSpare, int children, int slots) {
        ConfigLoader loader = ConfigLoader.forModel(Mpm.parse(mpm));
        for (String s : sets.split(";")) {
            if (!s.isBlank()) {
                loader.set(s);
            }
        }
        ModelCapacity c = ModelCapacity.of(loader.load().config());
        assertEquals(new ModelCapacity(workers, idlePerChild, minSpare, maxSpare, children, slots), c);
    }
}
