package mpmbench.server.scoreboard;

/** The life of a child process as its scoreboard slot records it. */
public enum ProcessState {
    /** No child in the slot. */
    FREE,
    /** Spawned, not yet accepting. */
    STARTING,
    /** Accepting connections. */
    READY,
    /** No longer accepting; finishing its connections before it exits. */
    STOPPING;

    private static final ProcessState[] BY_CODE = values();

    static ProcessState ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : FREE;
    }
}
