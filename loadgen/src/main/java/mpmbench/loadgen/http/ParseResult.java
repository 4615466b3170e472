package mpmbench.loadgen.http;

/** What one {@link ResponseParser#feed} (or {@link ResponseParser#onEof}) call ended with. */
public enum ParseResult {
    /** Every byte given was consumed and the response is not complete yet. */
    NEED_MORE,
    /** A whole response was consumed; the buffer's position is just after it. */
    COMPLETE,
    /**
     * The bytes are not a well-framed HTTP/1.x response ({@link ResponseParser#error()} says why): the
     * connection must be closed and the response discarded (RFC 9112 §6.3, item 5).
     */
    ERROR
}
