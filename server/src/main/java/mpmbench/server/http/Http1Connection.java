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
 * KeepAliveTimeout (either way a silent end if no byte came); a started request head must be
 * complete within Timeout of its first byte, however the bytes trickle in (then 408 and close: a
 * slowloris client holds a worker no longer than that), and each wait for more of a body is bounded
 * by Timeout. Pipelined requests are answered in order, their responses batched
 * into one write until the loop would wait for input.
 *
 * <p>How a connection ends is named by what is thrown: an {@link AnswerAndCloseException} (from the
 * parser, or a handler) is answered with {@code Connection: close}; an {@link AnswerAndKeepException}
 * from a handler is answered and the connection goes on; a {@link ConnectionDiedException} (or a
 * client that closes) ends it without a word. When the server ends a connection with bytes of the
 * client possibly unread (after an error status, pipelined requests it will not answer, or an
 * HTTP/1.0 message with Transfer-Encoding), it sends FIN and drains for up to {@link #LINGER_MS} ms,
 * so the client reads the answer rather than a reset.
 *
 * <p>This loop never closes the socket: {@link Outcome#CLOSE} tells the caller, the connection's one
 * owner in each model, to close it.
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
     * Serves requests on {@code channel} until the connection ends ({@link Outcome#CLOSE}: the caller
     * closes the channel) or, when {@code state.parkWhenIdle()}, until it would wait for a next request
     * of which no byte has arrived ({@link Outcome#IDLE}: nothing is buffered, the caller waits for
     * readability and calls serve again with the same state). Never throws for anything a client does.
     */
    public Outcome serve(ChannelIo channel, ConnectionObserver connectionObserver, ConnectionState state) {
        io = channel;
        observer = connectionObserver;
        in.clear().flip();
        out.clear();
        try {
            return serveRequests(state);
        } catch (AnswerAndCloseException e) {
            answerAndClose(e.status(), state);
        } catch (ConnectionDiedException e) {
            end(false);
        } catch (RuntimeException | Error e) {
            warn("connection failed: " + e);
            end(false);
        } finally {
            io = null;
            observer = null;
        }
        return Outcome.CLOSE;
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
                    end(false);
                    return Outcome.CLOSE;
                }
            }
            observer.reading();
            readRequest();
            observer.writing();
            if (!respond(state)) {
                end(response.status() >= 400 || in.hasRemaining() || request.framingFaulty());
                return Outcome.CLOSE;
            }
        }
    }

    /** Parses one request, reading more as needed. */
    private void readRequest() {
        long headDeadline = 0; // set at the first wait: a request that came whole costs no clock read
        boolean headDone = false;
        for (;;) {
            RequestParser.Result result = parser.parse(in);
            if (result == RequestParser.Result.COMPLETE) {
                return;
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

    /** Handles and writes one response; true when the connection stays open. */
    private boolean respond(ConnectionState state) {
        response.reset();
        boolean close = false;
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

    private void answerAndClose(int status, ConnectionState state) {
        try {
            response.reset();
            response.error(status);
            state.requestServed();
            observer.writing();
            long bytes = write(false, 0);
            observer.requestDone(bytes);
            end(true);
        } catch (RuntimeException e) {
            end(false);
        }
    }

    /**
     * Ends the exchange: flushes what is written, and with {@code linger} sends FIN and drains the
     * client's bytes for a bounded time, so a client still sending reads the answer, not a reset.
     * The socket stays open for its owner to close.
     */
    private void end(boolean linger) {
        observer.closing();
        try {
            flush();
            if (linger && io instanceof HalfClosable half) {
                half.shutdownOutput();
                drain();
            }
        } catch (IOException | ConnectionDiedException ignored) {
            // the client is gone: nothing left to write or drain
        } finally {
            in.clear().flip();
        }
    }

    private void drain() throws IOException {
        long deadline = System.nanoTime() + Math.min(LINGER_MS, timeouts.timeoutMs()) * 1_000_000L;
        long drained = 0;
        for (;;) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
            in.clear();
            int n = leftMs > 0 && drained < LINGER_MAX_BYTES ? io.read(in, leftMs) : -1;
            if (n <= 0) {
                return;
            }
            drained += n;
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
