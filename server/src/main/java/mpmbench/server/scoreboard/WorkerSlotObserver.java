package mpmbench.server.scoreboard;

import mpmbench.server.http.ConnectionObserver;

/**
 * Keeps one worker slot current as its thread serves connections. One instance per worker thread,
 * used only by that thread (the slot's single writer).
 */
public final class WorkerSlotObserver implements ConnectionObserver {

    private final SharedScoreboard board;
    private final int slot;
    private final int worker;

    public WorkerSlotObserver(SharedScoreboard board, int slot, int worker) {
        this.board = board;
        this.slot = slot;
        this.worker = worker;
    }

    public void status(WorkerStatus status) {
        board.setWorkerStatus(slot, worker, status);
    }

    @Override
    public void reading() {
        status(WorkerStatus.READING);
    }

    @Override
    public void writing() {
        status(WorkerStatus.WRITING);
    }

    @Override
    public void keepAlive() {
        status(WorkerStatus.KEEPALIVE);
    }

    @Override
    public void closing() {
        status(WorkerStatus.CLOSING);
    }

    @Override
    public void requestDone(long bytes) {
        board.countWorkerRequest(slot, worker, bytes);
    }
}
