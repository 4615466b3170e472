package mpmbench.benchmarks.results;

/**
 * The file stem of a cell's latency files ({@code latency/<id>.hgrm|.hlog|.json|.txt}), rebuilt from
 * its summary.csv row: {@code scenario_target_c<connections>[-r<rate>][-i<idle>]_r<repeat>}.
 */
public final class CellIds {

    private CellIds() {
    }

    public static String of(Row r) {
        return r.text("scenario") + "_" + r.text("target").replaceAll("[^A-Za-z0-9.-]", "_") + "_" + label(r) + "_r"
                + r.text("repeat");
    }

    public static String label(Row r) {
        StringBuilder sb = new StringBuilder("c").append((long) r.num("connections"));
        if (r.num("rate") > 0) {
            sb.append("-r").append((long) r.num("rate"));
        }
        if (r.num("idle") > 0) {
            sb.append("-i").append((long) r.num("idle"));
        }
        return sb.toString();
    }
}
