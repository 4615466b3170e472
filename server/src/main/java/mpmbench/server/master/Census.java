package mpmbench.server.master;

import mpmbench.server.scoreboard.ProcessState;
import mpmbench.server.scoreboard.SharedScoreboard;
import mpmbench.server.scoreboard.WorkerStatus;

/**
 * The spare capacity the scoreboard shows, counted once a second for {@link SpareMaintenance}, as
 * httpd's {@code perform_idle_server_maintenance} counts it: idle workers of children that serve
 * (starting ones included, so a slow start does not trigger a second wave), none of a child that
 * stopped accepting or is being replaced at MaxConnectionsPerChild ({@link Recycling}), and the
 * child that would lose least by stopping.
 *
 * @param idle    idle workers (prefork: idle children) of the serving children
 * @param serving children alive, not asked to stop, not stopping or being replaced
 * @param idlest  the ready child with the most idle workers (the last on a tie), or null
 */
record Census(int idle, int serving, ChildProcess idlest) {

    static Census take(ChildTable table, SharedScoreboard board) {
        int idle = 0;
        int serving = 0;
        ChildProcess idlest = null;
        int idlestIdle = -1;
        for (ChildProcess c : table.all()) {
            ProcessState state = board.processState(c.slot);
            // A retiring child's successor (counted, as starting) takes its place.
            if (c.quitRequested || state == ProcessState.STOPPING || c.replaced()) {
                continue;
            }
            serving++;
            // A child that stopped accepting (event, full of connections) offers no spare capacity.
            int childIdle = board.notAccepting(c.slot) ? 0 : idleWorkers(board, c.slot);
            idle += childIdle;
            if (childIdle >= idlestIdle && state == ProcessState.READY) {
                idlest = c;
                idlestIdle = childIdle;
            }
        }
        return new Census(idle, serving, idlest);
    }

    private static int idleWorkers(SharedScoreboard board, int slot) {
        int idle = 0;
        for (int w = 0; w < board.workersPerProcess(); w++) {
            WorkerStatus s = board.workerStatus(slot, w);
            if (s == WorkerStatus.READY || s == WorkerStatus.STARTING) {
                idle++;
            }
        }
        return idle;
    }
}
