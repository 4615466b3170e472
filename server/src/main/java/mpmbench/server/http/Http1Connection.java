package mpmbench.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The HTTP/1.1 connection loop, the same code under every concurrency model: reads requests, lets the
 * {@link RequestHandler} describe each response, writes it, and applies httpd's keep-alive rules.
 *
 * <p>One instance per serving thread, reused across connections; it owns the read buffer (16 KiB,
 * heap), the write buffer (16 KiB, direct), the parser and the response. Not thread-safe. Serving
 * /hello on a kept-alive connection allocates nothing per request.
 *
 * <p>Waiting: for the first request of a connection up to Timeout, between requests up to
 * KeepAliveTimeout (either way a silent close if no byte came); a started request head must be
 * complete within Timeout of its first byte, however the bytes trickle in (then 408 and close: a
 * slowloris client holds a worker no longer than that), and each wait for more of a body is bounded
 * by Timeout. Pipelined requests are answered in order, their responses batched
 * into one write until the loop would wait for input. An error status (4xx/5xx) closes the connection
 * after the response, lingering up to {@link #LINGER_MS} ms to drain what the client still sends, so it
 * reads the answer rather than a reset. A client that closes or resets ends the connection quietly.
 */
public final class Http1Connection {

    /** Upper bound of a lingering close after an error, in ms (httpd lingers 2 s too). */
    static final long LINGER_MS = 2_000;
    private static final long LINGER_MAX_BYTES = 1 << 20;
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final System.Logger LOG = System.getLogger(Http1Connection.class.getName());

    private final ConnectionTimeouts timeouts;
    private final RequestHandler handler;
    private final RequestParser parser;
    private final HttpRequest request;
    private final Response response = new Response();
    private final ResponseEncoder encoder;
    private final ByteBuffer in = ByteBuffer.allocate(BUFFER_BYTES);
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final long keepAliveSeconds;
    private final BodyWriter bodyWriter;
    private ChannelIo io;
    private ConnectionObserver observer;

    public Http1Connection(HttpLimits limits, ConnectionTimeouts timeouts, RequestHandler handler) {
        this(limits, timeouts, handler, HttpDate.SYSTEM);
    }

    Http1Connection(HttpLimits limits, ConnectionTimeouts timeouts, RequestHandler handler, HttpDate date) {
        this.timeouts = timeouts;
        this.handler = handler;
        this.parser = new RequestParser(limits);
        this.request = parser.request();
        this.encoder = new ResponseEncoder(date);
        this.keepAliveSeconds = (timeouts.keepAliveTimeoutMs() + 999) / 1000;
        this.bodyWriter = new BodyWriter(out);
        in.flip();
    }

    /**
     * Serves requests on {@code channel} until the connection ends ({@link Outcome#CLOSED}: the channel
     * is closed) or, when {@code state.parkWhenIdle()}, until it would wait for a next request of which
     * no byte has arrived ({@link Outcome#IDLE}: nothing is buffered, the caller waits for readability
     * and calls serve again with the same state). Never throws for anything a client does.
     */
    public Outcome serve(ChannelIo channel, ConnectionObserver connectionObserver, ConnectionState state) {
        io = channel;
        observer = connectionObserver;
        in.clear().flip();
        out.clear();
        try {
            return serveRequests(state);
        } catch (HttpErrorException e) {
            answerErrorAndClose(e.status(), state);
        } catch (IOException e) {
            closeNow();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "connection failed: " + e);
            closeNow();
        } finally {
            io = null;
            observer = null;
        }
        return Outcome.CLOSED;
    }

    private Outcome serveRequests(ConnectionState state) throws IOException {
        for (;;) {
            parser.reset();
            if (!in.hasRemaining()) {
                flush();
                if (state.requestsServed() > 0) {
                    observer.keepAlive();
                }
                long wait = state.parkWhenIdle() ? 0
                        : state.requestsServed() > 0 ? timeouts.keepAliveTimeoutMs() : timeouts.timeoutMs();
                int n = fill(wait);
                if (n == 0 && state.parkWhenIdle()) {
                    return Outcome.IDLE;
                }
                if (n <= 0) {
                    closeNow();
                    return Outcome.CLOSED;
                }
            }
            observer.reading();
            if (!readRequest()) {
                closeNow();
                return Outcome.CLOSED;
            }
            observer.writing();
            if (!respond(state)) {
                if (response.status() >= 400) {
                    lingeringClose();
                } else {
                    closeNow();
                }
                return Outcome.CLOSED;
            }
        }
    }

    /** Parses one request, reading more as needed; false when the client closed mid-request. */
    private boolean readRequest() throws IOException {
        long headDeadline = 0; // set at the first wait: a request that came whole costs no clock read
        boolean headDone = false;
        for (;;) {
            RequestParser.Result result = parser.parse(in);
            if (result == RequestParser.Result.COMPLETE) {
                return true;
            }
            if (result == RequestParser.Result.HEAD_COMPLETE) {
                headDone = true;
                parser.keepBody(handler.wantsBody(request));
                if (request.expectContinue() && request.http11() && !in.hasRemaining()) {
                    ensureRoom(64);
                    ResponseEncoder.writeContinue(out);
                }
                continue;
            }
            flush();
            long now = System.nanoTime();
            if (headDeadline == 0) {
                headDeadline = now + timeouts.timeoutMs() * 1_000_000L;
            }
            long headLeftMs = (headDeadline - now) / 1_000_000L;
            if (!headDone && headLeftMs <= 0) {
                throw new HttpErrorException(408, "request head not complete within Timeout");
            }
            int n = fill(headDone ? timeouts.timeoutMs() : headLeftMs);
            if (n == 0) {
                throw new HttpErrorException(408, "request not complete within Timeout");
            }
            if (n < 0) {
                return false;
            }
        }
    }

    /** Handles and writes one response; true when the connection stays open. */
    private boolean respond(ConnectionState state) throws IOException {
        response.reset();
        try {
            handler.handle(request, response);
        } catch (HttpErrorException e) {
            response.error(e.status());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "handler failed on " + request.method() + " "
                    + request.path() + ": " + e);
            response.error(500);
        }
        state.requestServed();
        int max = timeouts.maxKeepAliveRequests();
        // A well-framed request answered 404, 405 or 400 (a bad query) leaves the connection usable,
        // as in httpd; bad framing never gets here (answerErrorAndClose), and after a 500 we close.
        boolean keepAlive = response.status() < 500 && !response.closesConnection() && timeouts.keepAlive()
                && request.keepAliveRequested()
                && (max == 0 || state.requestsServed() < max);
        long bytes = write(keepAlive, max == 0 ? -1 : max - state.requestsServed());
        observer.requestDone(bytes);
        return keepAlive;
    }

    /** Encodes the response into the write buffer, streaming bodies that do not fit. */
    private long write(boolean keepAlive, int requestsLeft) throws IOException {
        ensureRoom(ResponseEncoder.MAX_HEAD);
        long bytes = encoder.writeHead(out, response, keepAlive, !request.http11(), keepAliveSeconds,
                requestsLeft);
        if (request.method() == Method.HEAD) {
            return bytes;
        }
        long length = response.bodyLength();
        if (response.pattern() != null) {
            bodyWriter.writeRepeating(response.pattern(), length, io, timeouts.timeoutMs());
        } else {
            bodyWriter.writeArray(response.body(), response.bodyOffset(), (int) length, io, timeouts.timeoutMs());
        }
        return bytes + length;
    }

    private void answerErrorAndClose(int status, ConnectionState state) {
        try {
            response.reset();
            response.error(status);
            state.requestServed();
            observer.writing();
            long bytes = write(false, 0);
            observer.requestDone(bytes);
            lingeringClose();
        } catch (IOException | RuntimeException e) {
            closeNow();
        }
    }

    /** Sends FIN, then drains the client's bytes for a bounded time before closing. */
    private void lingeringClose() {
        observer.closing();
        try {
            flush();
            if (io instanceof HalfClosable half) {
                half.shutdownOutput();
                long deadline = System.nanoTime() + Math.min(LINGER_MS, timeouts.timeoutMs()) * 1_000_000L;
                long drained = 0;
                for (;;) {
                    long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
                    in.clear();
                    int n = leftMs > 0 && drained < LINGER_MAX_BYTES ? io.read(in, leftMs) : -1;
                    if (n <= 0) {
                        break;
                    }
                    drained += n;
                }
            }
        } catch (IOException ignored) {
            // the client is gone: nothing left to drain
        } finally {
            in.clear().flip();
            io.close();
        }
    }

    private void closeNow() {
        observer.closing();
        try {
            flush();
        } catch (IOException ignored) {
            // the peer is gone; closing is all that is left
        }
        in.clear().flip();
        io.close();
    }

    /** Reads into the (empty) read buffer; returns what {@link ChannelIo#read} returned. */
    private int fill(long timeoutMs) throws IOException {
        in.clear();
        int n = io.read(in, timeoutMs);
        in.flip();
        return n;
    }

    private void ensureRoom(int bytes) throws IOException {
        if (out.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (out.position() > 0) {
            out.flip();
            try {
                io.write(out, timeouts.timeoutMs());
            } finally {
                out.clear();
            }
        }
    }
}
