package mpmbench.loadgen.merge;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.contract.ResultKey;
import mpmbench.loadgen.record.Counts;
import mpmbench.loadgen.record.IntervalCollector;
import mpmbench.loadgen.record.ProcessCpu;

/**
 * One {@link LoadResult} from several generators' results, as if one generator had sent every
 * request: counters summed, histograms from the merged interval log ({@link IntervalLogMerge}, so
 * percentiles are those of every value together), client CPU time summed (its % is then of one core,
 * so it can exceed 100 with several agents), the ns timer only when every agent had it.
 */
public final class MergedResult {

    private MergedResult() {
    }

    /**
     * @param total        the load as a whole (total connections and rate)
     * @param startEpochMs the common start instant, epoch ms on the coordinator's clock
     * @param results      the agents' results (at least one)
     * @param log          their merged interval logs
     * @param warmupNs     the warm-up every generator ran before the common window, ns
     * @param settled      with {@code --settle}: the warm-up ended because the summed requests/s were steady
     */
    public static LoadResult of(LoadSpec total, long startEpochMs, List<ResultFile> results, MergedLog log,
                                long warmupNs, boolean settled) {
        Counts counts = Counts.zero();
        double user = 0;
        double sys = 0;
        boolean ns = true;
        Set<String> jits = new TreeSet<>();
        Set<String> backends = new TreeSet<>();
        Set<String> engines = new TreeSet<>();
        for (ResultFile r : results) {
            counts = counts.plus(r.counts());
            user += r.number(ResultKey.CLIENT_CPU_USER_S);
            sys += r.number(ResultKey.CLIENT_CPU_SYS_S);
            ns &= "ns".equals(r.text(ResultKey.TIMER));
            jits.add(r.text(ResultKey.JIT).isEmpty() ? "unknown" : r.text(ResultKey.JIT));
            backends.add(r.text(ResultKey.IO_BACKEND).isEmpty() ? "unknown" : r.text(ResultKey.IO_BACKEND));
            if (!r.text(ResultKey.TLS_ENGINE).isEmpty()) { // empty for http://
                engines.add(r.text(ResultKey.TLS_ENGINE));
            }
        }
        ProcessCpu cpu = Double.isNaN(user + sys) ? ProcessCpu.UNKNOWN : new ProcessCpu(user, sys);
        return new LoadResult(total, startEpochMs, counts,
                log.total(IntervalCollector.TAGS.get(IntervalCollector.CORRECTED)),
                log.total(IntervalCollector.TAGS.get(IntervalCollector.UNCORRECTED)),
                log.total(IntervalCollector.TAGS.get(IntervalCollector.LAG)),
                log.total(IntervalCollector.TAGS.get(IntervalCollector.HANDSHAKE)), cpu, ns, String.join(",", jits), warmupNs,
                total.duration().toNanos(), settled, String.join(",", backends),
                String.join(",", engines));
    }
}
