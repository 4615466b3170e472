package mpmbench.server.http;

/** How {@link Http1Connection#serve} left the connection. */
public enum Outcome {
    /**
     * The exchange is over (either side ended it, after an error, or by the server's keep-alive
     * rules): everything to send is sent, and the caller, the connection's owner, closes the channel.
     */
    CLOSE,
    /**
     * Waiting for the next request with no byte buffered (only when {@link ConnectionState#parkWhenIdle()}):
     * the caller keeps the channel open, waits for it to become readable (enforcing KeepAliveTimeout
     * itself) and calls serve again with the same state.
     */
    IDLE,
    /**
     * The server ended the exchange after a response (only when {@link ConnectionState#parkWhenIdle()}):
     * the response is sent and the output shut down (FIN); the caller drains what the client still
     * sends within {@link mpmbench.server.http.io.LingeringClose}'s bounds, without this loop's buffers,
     * then closes the channel.
     */
    LINGER
}
