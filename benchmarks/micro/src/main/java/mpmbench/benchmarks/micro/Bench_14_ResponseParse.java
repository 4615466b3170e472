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

import mpmbench.loadgen.http.ParseResult;
import mpmbench.loadgen.http.ResponseParser;

/**
 * The load generator's response parser ({@link ResponseParser}) on a whole response that arrived in one
 * read, as on a kept-alive connection at saturation: feed to COMPLETE, reset. The generator's own CPU
 * per request is the ceiling of what it can measure (issue 26), and this is its per-response work that
 * is not a system call.
 *
 * <p>The responses are the three servers' answers to {@code GET /hello} (13 bytes of body) as curl
 * received them on 2026-12-07 (nginx 1.22.1 with scripts/measure-loadgen's config, Apache httpd 2.4.71
 * with the peers' httpd-event.conf, both from Debian 12, and mpmbench's own server, event model), their
 * dates and validators as sent: 230–249 bytes, of which the parser interprets one or two fields.
 *
 * <p>Reading: ns per response, and {@code gc.alloc.rate.norm} (MicroMain runs {@code -prof gc}): the
 * parser allocates nothing, so about 0 B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class Bench_14_ResponseParse {

    /** The responses, by server. */
    static byte[] response(String server) {
        String text = switch (server) {
            case "nginx" -> "HTTP/1.1 200 OK\r\n"
                    + "Server: nginx/1.22.1\r\n"
                    + "Date: Mon, 07 Dec 2026 15:21:30 GMT\r\n"
                    + "Content-Type: text/plain\r\n"
                    + "Content-Length: 13\r\n"
                    + "Last-Modified: Mon, 07 Dec 2026 15:21:30 GMT\r\n"
                    + "Connection: keep-alive\r\n"
                    + "ETag: \"6b16cefa-d\"\r\n"
                    + "Accept-Ranges: bytes\r\n"
                    + "\r\n"
                    + "Hello, World!";
            case "httpd" -> "HTTP/1.1 200 OK\r\n"
                    + "Date: Mon, 07 Dec 2026 15:22:22 GMT\r\n"
                    + "Server: Apache/2.4.71 (Debian)\r\n"
                    + "Last-Modified: Mon, 07 Dec 2026 15:22:22 GMT\r\n"
                    + "ETag: W/\"d-6620ccad14588\"\r\n"
                    + "Accept-Ranges: bytes\r\n"
                    + "Content-Length: 13\r\n"
                    + "Content-Type: text/plain\r\n"
                    + "\r\n"
                    + "Hello, World!";
            case "mpmbench" -> "HTTP/1.1 200 OK\r\n"
                    + "Date: Mon, 07 Dec 2026 15:22:17 GMT\r\n"
                    + "Server: mpmbench/0.1\r\n"
                    + "Last-Modified: Mon, 07 Dec 2026 15:22:17 GMT\r\n"
                    + "ETag: \"d-6620cca835c40\"\r\n"
                    + "Accept-Ranges: bytes\r\n"
                    + "Content-Length: 13\r\n"
                    + "Content-Type: text/plain\r\n"
                    + "\r\n"
                    + "Hello, World!";
            default -> throw new IllegalArgumentException("unknown server " + server);
        };
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Param({"nginx", "httpd", "mpmbench"})
    public String server;

    private final ResponseParser parser = new ResponseParser();
    private ByteBuffer in;

    @Setup
    public void setup() {
        in = ByteBuffer.wrap(response(server));
        ParseResult r = parser.feed(in);
        if (r != ParseResult.COMPLETE || in.hasRemaining() || parser.status() != 200 || !parser.keepAlive()) {
            throw new IllegalStateException(server + "'s response did not parse whole: " + r + " " + parser.error());
        }
        parser.reset();
    }

    /** @return the result's ordinal and the status, so nothing is dead code */
    @Benchmark
    public int parse() {
        in.position(0);
        ParseResult r = parser.feed(in);
        int status = parser.status();
        parser.reset();
        return r.ordinal() + status;
    }
}
