package mpmbench.benchmarks.suite;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The most connections a java-X or httpd-X target holds at once by its directives, the same for
 * httpd's MPM and ours (the server's {@code ModelCapacity} and event child say it for ours, httpd's
 * {@code mpm_default.h} and MPMs for httpd), so that an idle cell whose connections pass it says so
 * in its {@code reason} instead of showing a shortfall with no cause:
 *
 * <ul>
 *   <li>prefork: a process per connection, at most MaxRequestWorkers (lowered to ServerLimit).</li>
 *   <li>worker: a thread per connection, children × ThreadsPerChild, children = min(ServerLimit,
 *       MaxRequestWorkers / ThreadsPerChild).</li>
 *   <li>event: a child accepts while it holds fewer than ThreadsPerChild + AsyncRequestWorkerFactor ×
 *       its idle threads (lingering closes left out), so children × ⌈ThreadsPerChild × (1 +
 *       AsyncRequestWorkerFactor)⌉ with every thread idle, fewer while requests are served.</li>
 *   <li>virtual (ours alone): MaxRequestWorkers counts connections.</li>
 * </ul>
 *
 * A directive the target's list leaves out has httpd's compiled-in default (ours has the same,
 * {@code ModelDefaults}; {@code ConnectionCapacityTest} holds the two together): ServerLimit 256
 * (prefork) or 16, ThreadsPerChild 25, AsyncRequestWorkerFactor 2, MaxRequestWorkers = ServerLimit
 * (× ThreadsPerChild); virtual's MaxRequestWorkers 10,000. nginx and {@code url=} targets have no
 * such figure here. Stateless; any thread.
 */
final class ConnectionCapacity {

    /** A limit: the connections, how the directives give it, and whether httpd's MPM of that name has it too. */
    record Limit(int connections, String how, boolean httpdToo) {
    }

    static final int PREFORK_SERVER_LIMIT = 256;
    static final int THREADED_SERVER_LIMIT = 16;
    static final int THREADS_PER_CHILD = 25;
    static final double ASYNC_REQUEST_WORKER_FACTOR = 2;
    static final int VIRTUAL_MAX_REQUEST_WORKERS = 10_000;

    private ConnectionCapacity() {
    }

    /** The limit of {@code target} running with {@code directives}; empty for nginx and url= targets. */
    static Optional<Limit> of(TargetSpec target, Map<String, String> directives) {
        if (target.kind() != TargetSpec.Kind.JAVA && target.kind() != TargetSpec.Kind.HTTPD) {
            return Optional.empty();
        }
        return switch (target.mpm()) {
            case "prefork" -> {
                int serverLimit = Directives.intValue(directives, "ServerLimit", PREFORK_SERVER_LIMIT);
                int n = Math.min(serverLimit, Directives.intValue(directives, "MaxRequestWorkers", serverLimit));
                yield Optional.of(new Limit(n, "a process per connection, MaxRequestWorkers " + n, true));
            }
            case "worker" -> {
                int tpc = Directives.intValue(directives, "ThreadsPerChild", THREADS_PER_CHILD);
                int children = children(directives, tpc);
                yield Optional.of(new Limit(children * tpc, "a thread per connection, " + children
                        + " children × ThreadsPerChild " + tpc, true));
            }
            case "event" -> {
                int tpc = Directives.intValue(directives, "ThreadsPerChild", THREADS_PER_CHILD);
                int children = children(directives, tpc);
                String f = directives.get("AsyncRequestWorkerFactor");
                double factor = f == null ? ASYNC_REQUEST_WORKER_FACTOR : Double.parseDouble(f);
                int perChild = (int) Math.ceil(tpc + tpc * factor);
                yield Optional.of(new Limit(children * perChild, children + " children × (ThreadsPerChild " + tpc
                        + " + AsyncRequestWorkerFactor " + number(factor) + " × " + tpc + " idle threads)", true));
            }
            case "virtual" -> {
                int n = Directives.intValue(directives, "MaxRequestWorkers", VIRTUAL_MAX_REQUEST_WORKERS);
                yield Optional.of(new Limit(n, "MaxRequestWorkers " + n + " connections", false));
            }
            default -> Optional.empty();
        };
    }

    /**
     * What an event target does past its limit: closes its keep-alive connections when a process is busy
     * (httpd's rule in event.c; ours also when a client waits that no process has room for), so the idle
     * connections it closed show in {@code idle_closed} and its active clients are still served.
     */
    static final String EVENT_PAST_THE_LIMIT = "; past it, event closes keep-alive connections while its processes "
            + "are busy (idle_closed)";

    /**
     * The {@code reason} note of a cell that holds {@code connections} at once (its active ones, its
     * idle ones and the holder's own) on {@code target}: what the directives allow when that is fewer,
     * else "".
     */
    static String note(TargetSpec target, Map<String, String> directives, int connections) {
        return of(target, directives).filter(l -> l.connections() < connections)
                .map(l -> target.name() + " holds at most " + l.connections() + " connections at once by its directives ("
                        + l.how() + "), fewer than the " + connections + " of this cell"
                        + (l.httpdToo() ? "; httpd's " + target.mpm() + " MPM has the same limit" : "")
                        + (target.mpm().equals("event") ? EVENT_PAST_THE_LIMIT : ""))
                .orElse("");
    }

    /** Children of a threaded model: min(ServerLimit, MaxRequestWorkers / ThreadsPerChild), at least 1. */
    private static int children(Map<String, String> directives, int tpc) {
        int serverLimit = Directives.intValue(directives, "ServerLimit", THREADED_SERVER_LIMIT);
        int mrw = Directives.intValue(directives, "MaxRequestWorkers", serverLimit * tpc);
        return Math.max(1, Math.min(serverLimit, mrw / tpc));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
