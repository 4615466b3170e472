package mpmbench.benchmarks.catalogue;

/**
 * One load level of a scenario: active connections, the offered rate (requests/s, 0 for the closed
 * model) and the connections held open beside the active ones ({@code idle}): idle keep-alive ones in
 * {@code idle-keepalive}, trickling ones (slowloris) in {@code slow-clients}.
 */
public record Level(int connections, double rate, int idle) {

    public Level {
        if (connections < 1 || rate < 0 || idle < 0) {
            throw new IllegalArgumentException("bad level: " + connections + " connections, rate " + rate
                    + ", idle " + idle);
        }
    }

    public static Level closed(int connections) {
        return new Level(connections, 0, 0);
    }

    /** A short label for file names, e.g. {@code c64}, {@code c64-r8000}, {@code c16-i300}. */
    public String label() {
        StringBuilder sb = new StringBuilder("c").append(connections);
        if (rate > 0) {
            sb.append("-r").append((long) rate);
        }
        if (idle > 0) {
            sb.append("-i").append(idle);
        }
        return sb.toString();
    }
}
