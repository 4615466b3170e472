package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import mpmbench.benchmarks.results.IntervalLog;
import mpmbench.benchmarks.results.Row;
import mpmbench.loadgen.contract.ResultKey;

/**
 * The graceful-restart columns of a summary row ({@link mpmbench.benchmarks.results.Schemas#SUMMARY}):
 * {@code restarts} signalled inside the measured window, {@code restart_at_s} (each restart's instant on the load generator's clock,
 * {@code ;}-separated), {@code restart_recovery_s} (each one's time back to full throughput at the
 * interval log's resolution, {@link Recovery#afterFault}) and {@code recovery_s} (the longest of them).
 * A control command that failed, or fewer restarts inside the window than asked, make the row
 * {@code failed}: a run in which the target was not restarted says nothing about restarts.
 */
final class RestartRows {

    private RestartRows() {
    }

    static void put(Row.Builder row, List<GracefulRestarts.Restart> restarts, int asked, LoadgenRun.Outcome out,
                    Path hlog, double warmupS, double endS) {
        double startEpochMs = out.num(ResultKey.START_EPOCH_MS.key());
        List<Double> at = new ArrayList<>();
        for (GracefulRestarts.Restart r : restarts) {
            double s = (r.atEpochMs() - startEpochMs) / 1000.0;
            if (r.ok() && s >= warmupS - 0.05 && s <= endS) {
                at.add(s); // only a restart inside the measured window says anything about it
            }
        }
        row.put("restarts", at.size()).put("restart_at_s", join(at))
                .put("restart_command_ms", restarts.stream().mapToLong(GracefulRestarts.Restart::commandMs).max().orElse(0));
        GracefulRestarts.Restart failed = restarts.stream().filter(r -> !r.ok()).findFirst().orElse(null);
        if (failed != null || at.size() < asked) {
            row.put("status", "failed").put("reason", failed != null
                    ? "graceful restart " + (restarts.indexOf(failed) + 1) + " failed (exit " + failed.exitCode() + "): "
                            + failed.output().lines().reduce((a, b) -> b).orElse("")
                    : "only " + at.size() + " of " + asked + " graceful restarts were signalled inside the measured "
                            + "window (their control commands ran up to " + restarts.stream()
                            .mapToLong(GracefulRestarts.Restart::commandMs).max().orElse(0) + " ms)");
            return;
        }
        List<IntervalLog.Bin> bins;
        try {
            bins = Files.exists(hlog) ? IntervalLog.read(hlog) : List.of();
        } catch (IOException | RuntimeException e) {
            bins = List.of();
        }
        List<Double> recovery = new ArrayList<>();
        for (int k = 0; k < at.size(); k++) {
            double until = k + 1 < at.size() ? at.get(k + 1) : endS;
            // every restart against the throughput before the first one
            recovery.add(bins.isEmpty() ? Double.NaN
                    : Recovery.afterFault(bins, warmupS, at.getFirst(), at.get(k), until));
        }
        double worst = recovery.stream().mapToDouble(d -> d).max().orElse(Double.NaN);
        row.put("recovery_s", recovery.stream().anyMatch(d -> Double.isNaN(d)) ? Double.NaN : worst);
        if (recovery.stream().anyMatch(d -> Double.isNaN(d))) {
            row.put("reason", bins.isEmpty() ? "no interval log: no time back to full throughput"
                    : "requests/s not back to 90 % of the rate before the first restart before the next one or the end");
        }
        row.put("restart_recovery_s", join(recovery));
    }

    private static String join(List<Double> values) {
        return values.stream().map(v -> Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v))
                .collect(Collectors.joining(";"));
    }
}
