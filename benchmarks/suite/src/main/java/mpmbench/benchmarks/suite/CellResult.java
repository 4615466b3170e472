package mpmbench.benchmarks.suite;

import java.util.List;

import mpmbench.benchmarks.catalogue.Scenarios;
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

    /**
     * This result with the holder's counts added to its summary row: the idle holder's
     * ({@link CellRows#idle}) or, for {@code trickle}, the trickling one's ({@link CellRows#trickle}).
     */
    public CellResult withHeld(java.util.Map<String, String> holder, boolean trickle) {
        Row.Builder b = Row.builder(Schemas.SUMMARY).putAll(summary);
        if (trickle) {
            CellRows.trickle(b, holder);
        } else {
            CellRows.idle(b, holder);
        }
        return new CellResult(b.build(), samples);
    }

    public boolean ok() {
        return summary.text("status").equals("ok");
    }

    /**
     * What a progress line adds for a cell of a fault or slow-client scenario: " (2 restarts, 0 failed
     * requests, back within 0.3 s)" or " (9120 req/s beside 512 trickling connections, 512 held)"; ""
     * for other cells and for a cell that did not run.
     */
    public String progressNote() {
        if (summary.text("status").equals("failed") || summary.text("status").equals("skipped")) {
            return "";
        }
        return switch (summary.text("scenario")) {
            case Scenarios.GRACEFUL_RESTART -> " (" + summary.text("restarts") + " restarts, " + summary.text("errors")
                    + " failed requests, back within " + (summary.text("recovery_s").isEmpty() ? "?"
                    : mpmbench.benchmarks.results.Numbers.short3(summary.text("recovery_s"))) + " s)";
            case Scenarios.SLOW_CLIENTS -> " (" + Math.round(summary.num("rps")) + " req/s beside " + summary.text("idle")
                    + " trickling connections" + (summary.text("trickle_held").isEmpty() ? ""
                    : ", " + summary.text("trickle_held") + " held") + ")";
            default -> "";
        };
    }
}
