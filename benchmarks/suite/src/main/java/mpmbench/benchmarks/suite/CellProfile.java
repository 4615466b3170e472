package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mpmbench.benchmarks.results.CsvTables;
import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;
import mpmbench.benchmarks.telemetry.PerfReport;
import mpmbench.benchmarks.telemetry.PerfWindow;

/**
 * {@code suite --profile}: Linux perf over each measured window of a target on this machine, on the
 * CPUs it is pinned to. Perf starts at the generator's "warm-up over" line and is told to stop at its
 * "window over" line; once the load run has ended, while the target still runs, each JVM of the
 * target writes its JIT map, and the window's samples of the target's processes become
 * {@code profile/CELL.txt} (what ran, which threads, the top symbols, µs per request of each) and a
 * row of {@code profile.csv} ({@link Schemas#PROFILE}), rewritten after every cell so a failed run
 * keeps what it had. Used by the one thread that runs the cells; the perf data file is deleted once read.
 */
final class CellProfile {

    /** The longest the target's JVMs get, together, to write their JIT maps. */
    private static final Duration JIT_MAPS = Duration.ofSeconds(20);

    private final Path dir;
    private final Path csv;
    private final String cpus;
    private final Path java;
    private final List<Row> rows = new ArrayList<>();
    private PerfWindow window;
    private Path data;
    private Path stat;

    /**
     * @param out       the results folder
     * @param pinTarget the plan's command prefix pinning the target ({@code taskset -c 0}); empty: every CPU
     * @param java      the JDK's java (its jcmd writes the JIT maps)
     */
    CellProfile(Path out, List<String> pinTarget, Path java) {
        this.dir = out.resolve("profile");
        this.csv = out.resolve("profile.csv");
        int at = pinTarget.indexOf("-c");
        this.cpus = at >= 0 && at + 1 < pinTarget.size() ? pinTarget.get(at + 1) : null;
        this.java = java;
    }

    /** At the window's start: perf starts; a failure to start leaves the cell unprofiled (said in its text). */
    void windowStarts(SuitePlan.Cell c) {
        abandon();
        try {
            Files.createDirectories(dir);
            data = dir.resolve(c.id() + ".perf.data");
            stat = dir.resolve(c.id() + ".stat.csv");
            window = PerfWindow.start(cpus, data, stat);
        } catch (IOException e) {
            window = null;
            note(c, "perf did not start: " + e.getMessage());
        }
    }

    /** At the window's end: perf stops and writes its files. */
    void windowEnds() throws InterruptedException {
        if (window != null) {
            window.stop();
        }
    }

    /**
     * After the load run, the target still running: its JIT maps, then the cell's text and row.
     *
     * @param pids        the target's processes at the window's end
     * @param requests    the window's requests
     * @param cpuUsPerReq the target's CPU per request over the window (summary.csv's), µs
     */
    void finish(SuitePlan.Cell c, List<Integer> pids, double requests, double cpuUsPerReq) throws InterruptedException {
        if (window == null) {
            return;
        }
        window = null;
        try {
            PerfWindow.writeJitMaps(pids, java, JIT_MAPS);
            PerfReport.Profile p = PerfReport.read(data, stat, pids);
            Files.writeString(dir.resolve(c.id() + ".txt"), c.id() + "\n" + PerfReport.text(p, requests, cpuUsPerReq));
            Row.Builder r = Row.builder(Schemas.PROFILE).put("scenario", c.scenario().name())
                    .put("target", c.target().name()).put("connections", c.level().connections())
                    .put("repeat", c.repeat()).put("requests", requests).put("cpu_us_per_req", cpuUsPerReq)
                    .put("samples", p.samples()).put("syscalls_per_req", p.syscalls() / requests)
                    .put("perf_ctx_switches_per_req", p.ctxSwitches() / requests);
            p.code().forEach((k, v) -> r.put(k.name().toLowerCase(Locale.ROOT) + "_pct", v));
            p.work().forEach((k, v) -> r.put(k.name().toLowerCase(Locale.ROOT) + "_pct", v));
            rows.add(r.build());
            CsvTables.write(csv, Schemas.PROFILE, rows);
        } catch (IOException e) {
            note(c, e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(data);
            } catch (IOException e) {
                // a leftover data file is only space
            }
        }
    }

    /** A window whose cell ended without {@link #finish} (no result): perf stopped, its data dropped. */
    private void abandon() {
        if (window == null) {
            return;
        }
        try {
            window.stop();
            Files.deleteIfExists(data);
        } catch (IOException e) {
            // only space
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        window = null;
    }

    private void note(SuitePlan.Cell c, String why) {
        try {
            Files.writeString(dir.resolve(c.id() + ".txt"), c.id() + "\nnot profiled: " + why + "\n");
        } catch (IOException e) {
            System.err.println("suite: --profile: " + c.id() + ": " + why);
        }
    }
}
