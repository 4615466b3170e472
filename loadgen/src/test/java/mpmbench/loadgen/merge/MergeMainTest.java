package mpmbench.loadgen.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.engine.LoadRun;
import mpmbench.loadgen.engine.TestServer;
import mpmbench.loadgen.http.Target;

/** {@code mpmbench merge} on real logs of the load generator, and on bad input. */
class MergeMainTest {

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private static Run merge(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MergeMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void twoRealLogsMergeIntoTheSumOfTheirCounts() throws Exception {
        long total = 0;
        try (TestServer server = TestServer.answering(TestServer.HELLO)) {
            for (String name : new String[] {"a.hlog", "b.hlog"}) {
                LoadSpec spec = LoadSpec.closed(Target.parse(server.url("/hello")), 1, 2, Duration.ofMillis(1500));
                total += new LoadRun(spec, tmp.resolve(name), null).run().corrected().getTotalCount();
            }
        }
        Run r = merge(tmp.resolve("a.hlog").toString(), tmp.resolve("b.hlog").toString(), "-o", tmp.resolve("m.hlog").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Merged 2 logs"), r.out());
        assertTrue(r.out().contains(String.format("corrected    %,12d values", total)), r.out());
        assertEquals(total, IntervalLog.read(tmp.resolve("m.hlog")).intervals().stream()
                .filter(h -> "corrected".equals(h.getTag())).mapToLong(h -> h.getTotalCount()).sum());
    }

    @Test
    void badInputIsOneLineWithoutATrace() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.hlog"), "not a log\n");
        Run r = merge(junk.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("mpmbench merge: " + junk + ": "), r.err());
        Run none = merge();
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("mpmbench merge: "), none.err());
        Run unit = merge("--unit", "s", junk.toString());
        assertEquals("mpmbench merge: --unit must be ns, us or ms, got 's'\n", unit.err());
    }
}
