package mpmbench.loadgen.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.record.Counter;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.record.Counts;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.record.LatencyRecorders;
import mpmbench.loadgen.record.ProcessCpu;
import mpmbench.loadgen.report.JsonReport;

/** What an agent's {@code --json} says is what the coordinator's merge reads back: every counter. */
class ResultFileTest {

    @Test
    void everyCounterOfTheJsonIsReadBackForTheMerge(@TempDir Path dir) throws IOException {
        Counts counts = Counts.zero().with(Counter.REQUESTS, 1000).with(Counter.ERR_CLOSED, 1)
                .with(Counter.RECONNECTS, 40).with(Counter.CLOSES_ANNOUNCED, 30).with(Counter.CLOSES_IDLE, 9)
                .with(Counter.RESENT, 55);
        LoadResult r = new LoadResult(LoadSpec.closed(Target.parse("http://127.0.0.1:8080/"), 1, 4, Duration.ofSeconds(1)),
                1_790_000_000_000L, counts, LatencyRecorders.newHistogram(), LatencyRecorders.newHistogram(),
                LatencyRecorders.newHistogram(), LatencyRecorders.newHistogram(), new ProcessCpu(0.5, 0.25), true, "c1+c2", 0, Duration.ofSeconds(1).toNanos(),
                false, "nio", "");
        Path json = dir.resolve("agent.json");
        JsonReport.write(json, r);
        ResultFile read = ResultFile.read("agent-1", json);
        for (Counter c : List.of(Counter.REQUESTS, Counter.ERR_CLOSED, Counter.RECONNECTS, Counter.CLOSES_ANNOUNCED,
                Counter.CLOSES_IDLE, Counter.RESENT)) {
            assertEquals(r.counts().get(c), read.counts().get(c), c.name());
        }
        assertEquals(r.counts().plus(r.counts()).get(Counter.RESENT),
                read.counts().plus(read.counts()).get(Counter.RESENT), "two agents' re-sends add up");
    }
}
