package mpmbench.loadgen.merge;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.HdrHistogram.Histogram;

import mpmbench.cli.MpmbenchVersion;
import mpmbench.cli.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mpmbench merge FILE.hlog…}: adds HdrHistogram interval logs together losslessly (the same
 * merge {@code mpmbench load --agents} does) and prints, per tag, the count and percentiles of every
 * value together; {@code -o} writes the merged interval log. Exit codes: 0 merged, 2 a bad file or
 * flag (one line naming it).
 */
@Command(name = "mpmbench merge", mixinStandardHelpOptions = true, versionProvider = MpmbenchVersion.class,
        sortOptions = false, usageHelpWidth = 100,
        description = {"Merge HdrHistogram interval logs (.hlog) losslessly: per tag, every interval of every log "
                + "added; per interval, the intervals whose start (the log's StartTime plus its stamp) is nearest "
                + "the same slot. Prints count and percentiles per tag."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:merged", "2:bad file or flag"})
public final class MergeMain implements Callable<Integer> {

    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    @Parameters(paramLabel = "FILE.hlog", arity = "1..*", description = "interval logs (mpmbench load --hlog, or any HdrHistogram log)")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write the merged interval log here")
    Path out;

    @Option(names = "--interval", paramLabel = "MS", description = "slot length of the merged log, ms (default ${DEFAULT-VALUE})")
    long intervalMs = IntervalLogMerge.DEFAULT_INTERVAL_MS;

    @Option(names = "--unit", paramLabel = "UNIT",
            description = "unit of the logs' values: ns, us or ms (default ${DEFAULT-VALUE}, as mpmbench load writes)")
    String unit = "us";

    private PrintStream stdout = System.out;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        MergeMain command = new MergeMain();
        command.stdout = out;
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        UsageErrors.install(cl);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println("mpmbench merge: " + (ex instanceof BadLogException ? ex.getMessage() : "failed: " + ex));
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        double toMs = switch (unit) {
            case "ns" -> 1e6;
            case "us", "µs" -> 1e3;
            case "ms" -> 1;
            default -> throw new BadLogException("--unit must be ns, us or ms, got '" + unit + "'");
        };
        if (intervalMs <= 0) {
            throw new BadLogException("--interval must be > 0 ms, got " + intervalMs);
        }
        long t0 = System.nanoTime();
        List<IntervalLog> logs = new ArrayList<>();
        for (Path f : files) {
            logs.add(IntervalLog.read(f));
        }
        MergedLog merged = IntervalLogMerge.merge(logs, new long[logs.size()], intervalMs);
        double mergeMs = (System.nanoTime() - t0) / 1e6;
        stdout.printf(Locale.ROOT, "Merged %d logs (%d intervals) into %d slots of %d ms in %.1f ms%n", logs.size(),
                logs.stream().mapToInt(l -> l.intervals().size()).sum(), merged.slots().size(), intervalMs, mergeMs);
        for (var e : merged.totals().entrySet()) {
            stdout.print(line(e.getKey(), e.getValue(), toMs));
        }
        if (out != null) {
            merged.write(out, "[mpmbench merge of " + files.size() + " logs; values in " + unit + "]");
            stdout.println("Wrote " + out);
        }
        return 0;
    }

    /** One tag's summary line: count, then percentiles and max in ms. */
    static String line(String tag, Histogram h, double toMs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-12s %,12d values", tag == null ? "(untagged)" : tag,
                h.getTotalCount()));
        if (h.getTotalCount() > 0) {
            for (double p : PERCENTILES) {
                sb.append(String.format(Locale.ROOT, "  p%s %.3f ms", trim(p), h.getValueAtPercentile(p) / toMs));
            }
            sb.append(String.format(Locale.ROOT, "  max %.3f ms", h.getMaxValue() / toMs));
        }
        return sb.append('\n').toString();
    }

    private static String trim(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
