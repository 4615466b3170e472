package mpmbench.server.mpm.virtual;

import mpmbench.server.http.ConnectionObserver;
import mpmbench.server.scoreboard.SharedScoreboard;

/**
 * Counts one connection's busy time and requests on its process slot, for models whose workers
 * are not fixed. One instance per connection; the shared counters are updated atomically.
 */
final class ProcessSlotObserver implements ConnectionObserver {

    private final SharedScoreboard board;
    private final int slot;
    private boolean busy;

    ProcessSlotObserver(SharedScoreboard board, int slot) {
        this.board = board;
        this.slot = slot;
    }

    private void busy(boolean now) {
        if (busy != now) {
            busy = now;
            board.addBusyWorkers(slot, now ? 1 : -1);
        }
    }

    @Override
    public void reading() {
        busy(true);
    }

    @Override
    public void writing() {
        busy(true);
    }

    @Override
    public void keepAlive() {
        busy(false);
    }

    @Override
    public void closing() {
        busy(false);
    }

    @Override
    public void requestDone(long bytes) {
        board.addProcessRequest(slot, bytes);
    }

    void closed() {
        busy(false);
    }
}
