package mpmbench.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** MicroMain's own options and file naming, and MemoryFootprint's reading of /proc. */
class MicroMainTest {

    @Test
    void refusesOptionsJmhDoesNotKnow() throws Exception {
        assertEquals(2, MicroMain.run(new String[] {"-no-such-jmh-flag", "x"}));
        assertEquals(2, MicroMain.run(new String[] {"--out"}));
    }

    @Test
    void writesTheJsonBesideTheCsv() {
        assertEquals(Path.of("r/jmh.json"), MicroMain.beside(Path.of("r/jmh.csv"), ".json"));
        assertEquals(Path.of("results"), MicroMain.beside(Path.of("results"), ""));
    }

    @Test
    void readsRssAndPssOfAProcess() throws Exception {
        long[] m = MemoryFootprint.residentKb(ProcessHandle.current().pid());
        assertTrue(m[0] > 1_000 && m[1] > 0 && m[1] <= m[0] + 1, m[0] + " " + m[1]);
    }
}
