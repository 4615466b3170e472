package mpmbench.server.scoreboard;

/** Apache's scoreboard letters, as mod_status prints them. */
public enum WorkerStatus {
    /** No process in this slot. */
    OPEN('.'),
    /** The process is starting. */
    STARTING('S'),
    /** Waiting for a connection. */
    READY('_'),
    /** Reading a request. */
    READING('R'),
    /** Handling a request and writing its response. */
    WRITING('W'),
    /** Waiting for the next request on a kept-alive connection. */
    KEEPALIVE('K'),
    /** Closing the connection. */
    CLOSING('C'),
    /** Finishing its work before the process stops. */
    GRACEFUL('G');

    private static final WorkerStatus[] BY_CODE = values();

    private final char letter;

    WorkerStatus(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** The number stored in shared memory. */
    int code() {
        return ordinal();
    }

    static WorkerStatus ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : OPEN;
    }

    /** True while the worker holds a connection. */
    public boolean busy() {
        return this == READING || this == WRITING || this == KEEPALIVE || this == CLOSING
                || this == GRACEFUL;
    }
}
