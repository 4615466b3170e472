package mpmbench.benchmarks.suite;

import java.util.List;

import mpmbench.benchmarks.results.Row;
import mpmbench.benchmarks.results.Schemas;

/** What one cell leaves: its summary.csv row and its samples.csv rows. */
public record CellResult(Row summary, List<Row> samples) {

    /** A summary row with the cell's keys filled in and everything else empty. */
    public static Row.Builder base(SuitePlan.Cell c, String path) {
        return Row.builder(Schemas.SUMMARY).put("scenario", c.scenario().name()).put("target", c.target().name())
                .put("path", path == null ? "" : path).put("keepalive", c.scenario().keepAlive())
                .put("connections", c.level().connections()).put("rate", c.level().rate())
                .put("idle", c.level().idle()).put("repeat", c.repeat());
    }

    /** A cell that did not run: status {@code skipped} or {@code failed}, with the reason. */
    public static CellResult notRun(SuitePlan.Cell c, String path, String status, String reason) {
        return new CellResult(base(c, path).put("status", status).put("reason", reason).build(), List.of());
    }

    /** This result with the idle holder's counts ({@link CellRows#idle}) added to its summary row. */
    public CellResult withIdle(java.util.Map<String, String> holder) {
        Row.Builder b = Row.builder(Schemas.SUMMARY).putAll(summary);
        CellRows.idle(b, holder);
        return new CellResult(b.build(), samples);
    }

    public boolean ok() {
        return summary.text("status").equals("ok");
    }
}
