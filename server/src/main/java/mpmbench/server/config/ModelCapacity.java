package mpmbench.server.config;

/**
 * What one configuration of a model means for the master and the scoreboard: how many workers a
 * child has, how many children may serve at once, and what spare capacity the master keeps. The
 * one place that tells the models apart by their shape, as httpd keeps each MPM's facts in its
 * {@code mpm_default.h}; the master, the scoreboard and the tools read these numbers and never ask
 * which model runs.
 *
 * <ul>
 *   <li>prefork — one worker per child; spare capacity counts idle children (MinSpareServers,
 *       MaxSpareServers).</li>
 *   <li>worker, event — ThreadsPerChild workers per child; spare capacity counts idle threads
 *       (MinSpareThreads, MaxSpareThreads).</li>
 *   <li>virtual — no fixed workers (the scoreboard keeps per-process counts); exactly one child,
 *       kept alive as "one idle child wanted, at most one"; the scoreboard has a second process slot
 *       for the successor a graceful restart starts before the old child leaves.</li>
 * </ul>
 *
 * @param workersPerChild scoreboard worker slots per process: 1, ThreadsPerChild, or 0 (virtual)
 * @param idlePerChild    the spare capacity one new child adds: 1 child, or ThreadsPerChild threads
 * @param minSpare        below this much spare capacity the master starts children
 * @param maxSpare        above this much it stops one idle child a second
 * @param maxChildren     children serving at once: min(ServerLimit, MaxRequestWorkers / workers),
 *                        at least 1; children finishing gracefully do not count
 * @param processSlots    process slots of the scoreboard: ServerLimit (virtual: 2)
 */
public record ModelCapacity(int workersPerChild, int idlePerChild, int minSpare, int maxSpare, int maxChildren,
                            int processSlots) {

    /** The capacity {@code config} gives its model. */
    public static ModelCapacity of(ServerConfig c) {
        return switch (c.mpm()) {
            case PREFORK -> new ModelCapacity(1, 1, c.minSpareServers(), c.maxSpareServers(),
                    children(c, 1), c.serverLimit());
            case WORKER, EVENT -> new ModelCapacity(c.threadsPerChild(), c.threadsPerChild(), c.minSpareThreads(),
                    c.maxSpareThreads(), children(c, c.threadsPerChild()), c.serverLimit());
            // An idle count of 0 per child (no worker slots) keeps "1 wanted" unmet, so the one child is
            // always replaced and never stopped for being idle.
            case VIRTUAL -> new ModelCapacity(0, 1, 1, Integer.MAX_VALUE, 1, 2);
        };
    }

    private static int children(ServerConfig c, int workersPerChild) {
        return Math.max(1, Math.min(c.serverLimit(), c.maxRequestWorkers() / workersPerChild));
    }
}
