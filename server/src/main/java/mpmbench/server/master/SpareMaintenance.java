package mpmbench.server.master;

/**
 * httpd's idle-server maintenance, written once for every model: run once a second, it decides how
 * many children to spawn, or whether to stop one, from the idle capacity the scoreboard shows.
 *
 * <p>Below the minimum of spare capacity it spawns 1, then 2, 4 … up to 32 children in successive
 * seconds (the spawn rate doubles while the shortage lasts and falls back to 1 when it ends); above
 * the maximum it stops one idle child a second. For prefork the capacity counts idle processes
 * (MinSpareServers, MaxSpareServers); for worker and event it counts idle threads (MinSpareThreads,
 * MaxSpareThreads). Starting children count as idle, as in httpd, so a slow JVM start does not
 * trigger a second wave. Not thread-safe: the master's loop owns it.
 */
public final class SpareMaintenance {

    static final int MAX_SPAWN_RATE = 32;

    private final int minSpare;
    private final int maxSpare;
    private final int idlePerChild;
    private final int maxChildren;
    private int spawnRate = 1;

    /**
     * @param minSpare     MinSpareServers (prefork) or MinSpareThreads (worker, event)
     * @param maxSpare     MaxSpareServers or MaxSpareThreads
     * @param idlePerChild idle capacity one new child adds: 1 for prefork, ThreadsPerChild otherwise
     * @param maxChildren  the most children at once: min(ServerLimit, MaxRequestWorkers / ThreadsPerChild)
     */
    public SpareMaintenance(int minSpare, int maxSpare, int idlePerChild, int maxChildren) {
        this.minSpare = minSpare;
        this.maxSpare = maxSpare;
        this.idlePerChild = idlePerChild;
        this.maxChildren = maxChildren;
    }

    /** What to do this second. */
    public record Decision(int spawn, boolean stopOneIdle) {
        static final Decision NOTHING = new Decision(0, false);
    }

    /**
     * @param idle     idle capacity now (idle processes, or idle threads of children not stopping)
     * @param children children alive and not stopping
     */
    public Decision decide(int idle, int children) {
        if (idle > maxSpare && children > 1 && idle - idlePerChild >= minSpare) {
            spawnRate = 1;
            return new Decision(0, true);
        }
        if (idle < minSpare && children < maxChildren) {
            int wanted = (minSpare - idle + idlePerChild - 1) / idlePerChild;
            int spawn = Math.min(Math.min(spawnRate, wanted), maxChildren - children);
            spawnRate = spawn == spawnRate ? Math.min(spawnRate * 2, MAX_SPAWN_RATE) : spawnRate;
            return new Decision(spawn, false);
        }
        spawnRate = 1;
        return Decision.NOTHING;
    }
}
