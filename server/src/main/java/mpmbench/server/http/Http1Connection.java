package mpmbench.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import mpmbench.server.http.io.ChannelIo;
import mpmbench.server.http.io.HalfClosable;
import mpmbench.server.http.io.LingeringClose;
import mpmbench.server.http.request.AnswerAndCloseException;
import mpmbench.server.http.request.AnswerAndKeepException;
import mpmbench.server.http.request.HttpLimits;
import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.request.Method;
import mpmbench.server.http.request.RequestParser;
import mpmbench.server.http.response.HttpDate;
import mpmbench.server.http.response.Preconditions;
import mpmbench.server.http.response.Response;
import mpmbench.server.http.response.ResponseEncoder;

/**
 * The HTTP/1.1 connection loop, the same code under every concurrency model: reads requests, lets the
 * {@link RequestHandler} describe each response, writes it, and applies httpd's keep-alive rules.
 *
 * <p>One instance per serving thread, reused across connections; it owns the read buffer (16 KiB,
 * heap), the write buffer (16 KiB, direct), the parser and the response. Not thread-safe. Serving
 * /hello on a kept-alive connection allocates nothing per request.
 *
 * <p>Waiting: for the first request of a connection up to Timeout, between requests up to
 * KeepAliveTimeout (either way a silent end if no byte came); a started request head must be
 * complete within Timeout of its first byte, however the bytes trickle in (then 408 and close: a
 * slowloris client holds a worker no longer than that), and each wait for more of a body is bounded
 * by Timeout. Pipelined requests are answered in order, their responses batched
 * into one write until the loop would wait for input.
 *
 * <p>How a connection ends is named by what is thrown: an {@link AnswerAndCloseException} (from the
 * parser, or a handler) is answered with {@code Connection: close}; an {@link AnswerAndKeepException}
 * from a handler is answered and the connection goes on; a {@link ConnectionDiedException} (or a
 * client that closes) ends it without a word. Whenever the server ends a connection after a
 * response (an error status, MaxKeepAliveRequests, {@code Connection: close} asked or imposed by a
 * graceful stop, an HTTP/1.0 message with Transfer-Encoding), it closes lingeringly, as httpd does:
 * FIN, then what the client still sends is read and dropped for a bounded time ({@link LingeringClose}),
 * so the client reads the whole answer rather than a reset. A silent end (KeepAliveTimeout, the
 * client gone) has nothing of ours in flight and closes at once.
 *
 * <p>Bodies: discarded as they arrive unless the handler keeps one (bounded, see
 * {@link mpmbench.server.http.request.RequestBody#MAX_KEPT}) or streams one through ({@link BodyRelay}). With
 * {@code Expect: 100-continue}, a request the handler refuses from its head alone is answered at once,
 * without {@code 100 Continue}, its body never read, and the connection closes (RFC 9110 10.1.1: the
 * client may or may not send the body, so the stream cannot be framed any more).
 *
 * <p>A 200 with validators ({@link Response#staticFile}) is checked against the request's
 * preconditions and Range ({@link Preconditions}); a request without such fields pays one comparison.
 *
 * <p>This loop never closes the socket: {@link Outcome#CLOSE} tells the caller, the connection's one
 * owner in each model, to close it.
 */
public final class Http1Connection {

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
    private final BodyRelay bodyRelay;
    private ChannelIo io;
    private ConnectionObserver observer;
    /** The current request was answered before its body was read (refused with Expect: 100-continue). */
    private boolean bodyUnread;
    /** The current request's body is read while its answer is written ({@link RequestHandler#streamsBody}). */
    private boolean bodyStreamed;

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
        this.bodyRelay = new BodyRelay(parser, in, out);
        in.flip();
    }

    /**
     * Serves requests on {@code channel} until the connection ends ({@link Outcome#CLOSE}: the caller
     * closes the channel) or, when {@code state.parkWhenIdle()}, until it would wait for a next request
     * of which no byte has arrived ({@link Outcome#IDLE}: nothing is buffered, the caller waits for
     * readability and calls serve again with the same state) or until a lingering close is to be
     * drained ({@link Outcome#LINGER}: the output is shut down; the caller drains, then closes).
     * Never throws for anything a client does.
     */
    public Outcome serve(ChannelIo channel, ConnectionObserver connectionObserver, ConnectionState state) {
        io = channel;
        observer = connectionObserver;
        in.clear().flip();
        out.clear();
        try {
            return serveRequests(state);
        } catch (AnswerAndCloseException e) {
            return answerAndClose(e.status(), state);
        } catch (ConnectionDiedException e) {
            end();
        } catch (RuntimeException | Error e) {
            warn("connection failed: " + e);
            end();
        } finally {
            io = null;
            observer = null;
        }
        return Outcome.CLOSE;
    }

    /**
     * Answers {@code status} with {@code text} on {@code channel} before any request was read, and
     * ends the exchange as after any error answer (lingeringly: {@link Outcome#LINGER} for a parking
     * {@code state}, else {@link Outcome#CLOSE} after the drain): for a client that cannot be served
     * on this connection at all, such as plain HTTP on a TLS port, answered in clear text as
     * mod_ssl does. Counts as a request served. Never throws.
     */
    public Outcome refuse(ChannelIo channel, ConnectionObserver connectionObserver, ConnectionState state,
                          int status, byte[] text) {
        io = channel;
        observer = connectionObserver;
        in.clear().flip();
        out.clear();
        parser.reset();
        try {
            response.reset();
            response.error(status, text);
            state.requestServed();
            observer.writing();
            observer.requestDone(write(false, 0));
            return closeAfterResponse(state);
        } catch (RuntimeException e) {
            end();
            return Outcome.CLOSE;
        } finally {
            io = null;
            observer = null;
        }
    }

    /**
     * Logs a failure without ever throwing: out of descriptors (EMFILE), the logger's first record
     * can fail to load a class or the time-zone database, and an Error escaping from here would end
     * the serving thread for good while its connection is already lost anyway.
     */
    private static void warn(String message) {
        try {
            LOG.log(System.Logger.Level.WARNING, message);
        } catch (RuntimeException | Error e) {
            // nothing to tell it with; the connection is closed by the caller either way
        }
    }

    private Outcome serveRequests(ConnectionState state) {
        boolean answered = false; // a response of this turn is out
        for (;;) {
            parser.reset();
            if (!in.hasRemaining()) {
                flush();
                if (state.requestsServed() > 0) {
                    observer.keepAlive();
                }
                if (answered && state.parkWhenIdle() && !io.buffered()) {
                    // As httpd's event MPM: once a response is out and no input is buffered, the
                    // connection goes back to wait for readability rather than trying a read. The client's
                    // next request comes a round trip later, so the try almost always fails (a read()
                    // answering EAGAIN, over TLS an SSL_read answering WANT_READ first), and readiness
                    // brings the request anyway, pipelined ones included.
                    return Outcome.IDLE;
                }
                long wait = state.parkWhenIdle() ? 0
                        : state.requestsServed() > 0 ? timeouts.keepAliveTimeoutMs() : timeouts.timeoutMs();
                int n = fill(wait);
                if (n == 0 && state.parkWhenIdle()) {
                    return Outcome.IDLE;
                }
                if (n <= 0) {
                    end();
                    return Outcome.CLOSE;
                }
            }
            observer.reading();
            readRequest();
            observer.writing();
            if (!respond(state)) {
                return closeAfterResponse(state);
            }
            answered = true;
        }
    }

    /**
     * Parses one request, reading more as needed: to its end, or to the end of its head when the body
     * is streamed through by the answer or left unread (see {@link #atEndOfHead}).
     */
    private void readRequest() {
        long headDeadline = 0; // set at the first wait: a request that came whole costs no clock read
        boolean headDone = false;
        bodyUnread = false;
        bodyStreamed = false;
        for (;;) {
            RequestParser.Result result = parser.parse(in);
            if (result == RequestParser.Result.COMPLETE) {
                return;
            }
            if (result == RequestParser.Result.HEAD_COMPLETE) {
                headDone = true;
                if (atEndOfHead()) {
                    return;
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
                throw new AnswerAndCloseException(408, "request head not complete within Timeout");
            }
            int n = fill(headDone ? timeouts.timeoutMs() : headLeftMs);
            if (n == 0) {
                throw new AnswerAndCloseException(408, "request not complete within Timeout");
            }
            if (n < 0) {
                throw new ConnectionDiedException("end of stream within a request");
            }
        }
    }

    /**
     * Decides, once the head of a request with a body is read, what becomes of the body; true when the
     * request is to be answered now, before its body is read.
     */
    private boolean atEndOfHead() {
        boolean awaitsContinue = request.expectContinue() && request.http11() && !in.hasRemaining();
        if (awaitsContinue && handler.refusalFromHead(request) != 0) {
            bodyUnread = true; // RFC 9110 10.1.1: the final status instead of 100, then close
            return true;
        }
        if (awaitsContinue) {
            ensureRoom(64);
            ResponseEncoder.writeContinue(out);
        }
        if (handler.streamsBody(request)) {
            parser.streamBody();
            bodyStreamed = true;
            return true;
        }
        parser.keepBody(handler.wantsBody(request));
        return false;
    }

    /** Handles and writes one response; true when the connection stays open. */
    private boolean respond(ConnectionState state) {
        response.reset();
        boolean close = bodyUnread;
        try {
            handler.handle(request, response);
        } catch (AnswerAndKeepException e) {
            response.error(e.status());
        } catch (AnswerAndCloseException e) {
            response.error(e.status());
            close = true;
        } catch (ConnectionDiedException e) {
            throw e;
        } catch (RuntimeException e) {
            warn("handler failed on " + request.method() + " " + request.path() + ": " + e);
            response.error(500);
        }
        if (bodyStreamed && !response.relaysRequestBody()) {
            close = true; // the body was left unread: the stream cannot be framed any more
        }
        if (response.lastModified() != null && response.status() == 200 && request.conditionals().any()) {
            Preconditions.evaluate(request, response, System.currentTimeMillis() / 1000);
        }
        state.requestServed();
        int max = timeouts.maxKeepAliveRequests();
        // A well-framed request answered 404, 405 or 400 (a bad query) leaves the connection usable,
        // as in httpd; bad framing never gets here (answerAndClose), and after a 5xx we close.
        boolean keepAlive = !close && !response.closesConnection() && response.status() < 500 && timeouts.keepAlive()
                && request.keepAliveRequested() && (max == 0 || state.requestsServed() < max);
        long bytes = write(keepAlive, max == 0 ? -1 : max - state.requestsServed());
        observer.requestDone(bytes);
        return keepAlive;
    }

    /** Encodes the response into the write buffer, streaming bodies that do not fit. */
    private long write(boolean keepAlive, int requestsLeft) {
        ensureRoom(ResponseEncoder.MAX_HEAD);
        long bytes = encoder.writeHead(out, response, keepAlive, !request.http11(), keepAliveSeconds,
                requestsLeft);
        if (request.method() == Method.HEAD) {
            return bytes;
        }
        long length = response.bodyLength();
        if (response.relaysRequestBody()) {
            return bytes + bodyRelay.relay(io, timeouts.timeoutMs(), length < 0 && request.http11());
        }
        try {
            if (response.pattern() != null) {
                bodyWriter.writeRepeating(response.pattern(), length, io, timeouts.timeoutMs());
            } else {
                bodyWriter.writeArray(response.body(), response.bodyOffset(), (int) length, io,
                        timeouts.timeoutMs());
            }
        } catch (IOException e) {
            throw new ConnectionDiedException(e);
        }
        return bytes + length;
    }

    private Outcome answerAndClose(int status, ConnectionState state) {
        try {
            response.reset();
            response.error(status);
            state.requestServed();
            observer.writing();
            long bytes = write(false, 0);
            observer.requestDone(bytes);
            return closeAfterResponse(state);
        } catch (RuntimeException e) {
            end();
            return Outcome.CLOSE;
        }
    }

    /**
     * Ends the exchange after a response with a lingering close: flushes, sends FIN, and drains what
     * the client still sends ({@link LingeringClose}), here or, for a model that parks connections,
     * in the caller ({@link Outcome#LINGER}), so this loop's buffers are free meanwhile. The socket
     * stays open for its owner to close.
     */
    private Outcome closeAfterResponse(ConnectionState state) {
        observer.closing();
        try {
            flush();
            if (io instanceof HalfClosable half) {
                half.shutdownOutput();
                if (state.parkWhenIdle()) {
                    return Outcome.LINGER;
                }
                LingeringClose.drain(io, in, timeouts.timeoutMs());
            }
        } catch (IOException | ConnectionDiedException ignored) {
            // the client is gone: nothing left to write or drain
        } finally {
            in.clear().flip();
        }
        return Outcome.CLOSE;
    }

    /**
     * Ends the exchange at once, without a lingering close: after a silent wait or a client gone,
     * nothing of ours is in flight that a reset could destroy. The socket stays open for its owner.
     */
    private void end() {
        observer.closing();
        try {
            flush();
        } catch (ConnectionDiedException ignored) {
            // the client is gone: nothing left to write
        } finally {
            in.clear().flip();
        }
    }

    /** Reads into the (empty) read buffer; returns what {@link ChannelIo#read} returned. */
    private int fill(long timeoutMs) {
        in.clear();
        try {
            return io.read(in, timeoutMs);
        } catch (IOException e) {
            throw new ConnectionDiedException(e);
        } finally {
            in.flip();
        }
    }

    private void ensureRoom(int bytes) {
        if (out.remaining() < bytes) {
            flush();
        }
    }

    private void flush() {
        if (out.position() > 0) {
            out.flip();
            try {
                io.write(out, timeouts.timeoutMs());
            } catch (IOException e) {
                throw new ConnectionDiedException(e);
            } finally {
                out.clear();
            }
        }
    }
}
