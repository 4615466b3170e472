package mpmbench.benchmarks.micro;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import mpmbench.server.http.request.HttpLimits;
import mpmbench.server.http.request.RequestParser;

/**
 * The server's request parser ({@link RequestParser}, the same code under every model) on a whole
 * request that arrived in one read, as on a kept-alive connection: reset, parse to COMPLETE.
 *
 * <p>Isolates the per-request CPU cost of HTTP parsing, with no socket and no handler. Two typical
 * requests: {@code wrk}, the two-header request the load generator sends, and {@code browser}, a
 * 10-header request of about 450 bytes such as a browser sends.
 *
 * <p>Reading: ns per request. Run with {@code -prof gc} (MicroMain does by default) and read
 * {@code gc.alloc.rate.norm}: the parser is meant to allocate nothing per request, so it should be
 * about 0 B/op; anything more is a regression of the hot path.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class Bench_10_RequestParse {

    /** The requests, by name; shared with the serving benchmark. */
    static byte[] request(String name) {
        String text = switch (name) {
            case "wrk" -> "GET /hello HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n";
            case "browser" -> "GET /hello HTTP/1.1\r\n"
                    + "Host: localhost:8080\r\n"
                    + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
                    + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                    + "Accept-Language: en-US,en;q=0.5\r\n"
                    + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
                    + "Connection: keep-alive\r\n"
                    + "Upgrade-Insecure-Requests: 1\r\n"
                    + "Sec-Fetch-Dest: document\r\n"
                    + "Sec-Fetch-Mode: navigate\r\n"
                    + "Priority: u=0, i\r\n"
                    + "\r\n";
            default -> throw new IllegalArgumentException("unknown request " + name);
        };
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Param({"wrk", "browser"})
    public String request;

    private final RequestParser parser = new RequestParser(HttpLimits.DEFAULTS);
    private ByteBuffer bytes;

    @Setup
    public void setUp() {
        bytes = ByteBuffer.wrap(request(request));
    }

    @Benchmark
    public RequestParser.Result parse() {
        bytes.rewind();
        parser.reset();
        return parser.parse(bytes);
    }
}
