package mpmbench.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MicroMain's options, the files it writes (the CSV header is JMH's, sealed here: the report reads
 * it), and MemoryFootprint's reading of /proc.
 */
class MicroMainTest {

    @Test
    void refusesOptionsJmhDoesNotKnow() throws Exception {
        assertEquals(2, MicroMain.run(new String[] {"-no-such-jmh-flag", "x"}));
        assertEquals(2, MicroMain.run(new String[] {"--out"}));
    }

    @Test
    void writesJmhCsvJsonAndGcRowsWithTheDocumentedColumns(@TempDir Path dir) throws Exception {
        // Not forked, to be quick: JMH's report of the run (with its warning that a non-forked run is
        // for debugging only, which this is) goes to a file (-o) instead of the build's output.
        int status = MicroMain.run(new String[] {"Bench_12_ScoreboardUpdate.statusWrite", "-f", "0", "-wi", "0",
            "-i", "1", "-r", "100ms", "-o", dir.resolve("jmh.out").toString(), "--no-memory", "--out", dir.toString()});
        assertEquals(0, status);
        assertTrue(Files.readString(dir.resolve("jmh.out")).contains("Non-forked runs"), "JMH's output went to -o");
        List<String> csv = Files.readAllLines(dir.resolve("jmh.csv"));
        assertEquals("\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"",
                csv.get(0));
        assertTrue(csv.get(1).startsWith("\"mpmbench.benchmarks.micro.Bench_12_ScoreboardUpdate.statusWrite\",\"avgt\",1,1,"),
                csv.get(1));
        assertTrue(csv.stream().anyMatch(l -> l.contains("statusWrite:gc.alloc.rate.norm\"") && l.contains("\"B/op\"")),
                csv.toString());
        String json = Files.readString(dir.resolve("jmh.json"));
        assertTrue(json.startsWith("[{\"jmhVersion\":\"1.37\",") && !json.contains("rawDataHistogram"), json);
    }

    @Test
    void listsAGroupBenchmarkOnce() {
        // JMH's -l prints a @Group benchmark once per method; -lp adds indented parameter lines.
        assertEquals("Benchmarks: \na.B.group\n  param \"n\" = {1}\na.C.single\n",
                MicroMain.distinctBlocks("Benchmarks: \na.B.group\n  param \"n\" = {1}\na.B.group\n"
                        + "  param \"n\" = {1}\na.C.single\n"));
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
