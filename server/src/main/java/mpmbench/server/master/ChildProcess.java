package mpmbench.server.master;

/** A child the master started: its slot, its process, and whether the master asked it to stop. */
final class ChildProcess {

    final int slot;
    final Process process;
    boolean quitRequested;

    ChildProcess(int slot, Process process) {
        this.slot = slot;
        this.process = process;
    }

    long pid() {
        return process.pid();
    }
}
