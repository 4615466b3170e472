package mpmbench.loadgen.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.merge.IntervalLog;
import mpmbench.loadgen.merge.IntervalLogMerge;
import mpmbench.loadgen.merge.MergedLog;
import mpmbench.loadgen.merge.MergedResult;
import mpmbench.loadgen.merge.ResultFile;

/**
 * The agents' results as one: their interval logs merged (each moved onto the coordinator's clock by
 * its measured offset, 1 s slots from the common start), counters summed, the load described as the
 * sum of the shares that delivered.
 *
 * @param result     the merged result, as if one generator had sent every request
 * @param log        the merged interval log
 * @param delivered  the agents whose data is in it
 * @param missing    the agents that failed (non-empty: a partial result)
 * @param mergeMs    wall time of reading the fetched logs and merging them, ms
 * @param startSkewUs the spread of the agents' actual starts, µs (coordinator's clock; 0 with one agent)
 * @param skewUncertaintyUs how far that spread may be off: the two largest clock uncertainties added, µs
 */
public record AgentsMerge(LoadResult result, MergedLog log, List<AgentReport> delivered, List<AgentReport> missing,
                          double mergeMs, long startSkewUs, long skewUncertaintyUs) {

    public boolean partial() {
        return !missing.isEmpty();
    }

    /** Merges what the agents delivered; {@code null} when none did. */
    public static AgentsMerge of(LoadSpec total, Coordinator.Outcome outcome) {
        List<AgentReport> delivered = new ArrayList<>();
        List<AgentReport> missing = new ArrayList<>();
        for (AgentReport a : outcome.agents()) {
            (a.ok() ? delivered : missing).add(a);
        }
        if (delivered.isEmpty()) {
            return null;
        }
        long t0 = System.nanoTime();
        List<IntervalLog> logs = new ArrayList<>();
        List<ResultFile> results = new ArrayList<>();
        long[] offsetsMs = new long[delivered.size()];
        for (int i = 0; i < delivered.size(); i++) {
            AgentReport a = delivered.get(i);
            logs.add(IntervalLog.read(a.localDir().resolve(AgentProtocol.LATENCY_HLOG)));
            results.add(a.result());
            offsetsMs[i] = Math.round(a.clock().offsetUs() / 1000.0);
        }
        MergedLog log = IntervalLogMerge.merge(logs, offsetsMs, IntervalLogMerge.DEFAULT_INTERVAL_MS);
        LoadSpec load = missing.isEmpty() ? total : LoadShares.sum(total, delivered.stream().map(AgentReport::share).toList());
        LoadResult result = MergedResult.of(load, outcome.startUs() / 1000, results, log,
                Math.round(outcome.warmupS() * 1e9), outcome.settled());
        double mergeMs = (System.nanoTime() - t0) / 1e6;
        return new AgentsMerge(result, log, delivered, missing, mergeMs, skew(outcome.agents()), skewBound(outcome.agents()));
    }

    private static long skew(List<AgentReport> agents) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (AgentReport a : agents) {
            if (a.startedUs() != null) {
                min = Math.min(min, a.startedUs());
                max = Math.max(max, a.startedUs());
            }
        }
        return min == Long.MAX_VALUE ? 0 : max - min;
    }

    private static long skewBound(List<AgentReport> agents) {
        List<Long> u = agents.stream().filter(a -> a.startedUs() != null).map(a -> a.clock().uncertaintyUs())
                .sorted((x, y) -> Long.compare(y, x)).toList();
        return u.size() < 2 ? 0 : u.get(0) + u.get(1);
    }

    /** Where the merged log goes in the run folder. */
    public static Path mergedLog(Path outDir) {
        return outDir.resolve("merged.hlog");
    }
}
