package mpmbench.server.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of RFC 9112 (and RFC 9110's field syntax, expectations, preconditions and ranges) as a
 * server receiving requests sees them, one input each with the answer this server gives and what
 * happens to the connection. One table for every place they run: the socket test over both I/O
 * paths, the conformance suite over every model, and {@link ConformanceTable}, which sends the same
 * bytes to httpd for {@code server/CONFORMANCE.md}.
 *
 * <p>Every input asks for {@code /hello} (a GET, with a body where the rule needs one), which every
 * model and httpd's peer config serve (a 13-byte static file there), so a difference in the answer
 * is a difference in parsing or in how the file's validators are honoured; the expectation rules
 * also ask for a path that does not exist. {@link RuleProbe#NOW} in the bytes is the date they are
 * sent at: later than the start of either server, so not earlier than /hello's Last-Modified.
 */
public final class Rfc9112Rules {

    /**
     * One rule.
     *
     * @param section the RFC section ("9112 2.3", "9110 5.5"), or the httpd directive of a limit
     * @param name    what the input shows, with the telling bytes in backquotes
     * @param raw     the bytes sent on a fresh connection (ISO-8859-1)
     * @param status  the status of the first answer
     * @param keep    whether the connection then carries a next request
     */
    public record Rule(String section, String name, String raw, int status, boolean keep) {

        /** "400 close", "200 keep": the expectation as the table shows it. */
        public String expected() {
            return status + (keep ? " keep" : " close");
        }

        @Override
        public String toString() {
            return "RFC " + section + ": " + name + " -> " + expected();
        }
    }

    private static final String HOST = "Host: a\r\n";
    private static final String HELLO = "GET /hello HTTP/1.1\r\n" + HOST + "\r\n";
    private static final String CHUNKED = "GET /hello HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n";
    private static final String FIVE = "5\r\nhello\r\n0\r\n\r\n";

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        messageAndVersion();
        requestLine();
        requestTarget();
        host();
        fieldLines();
        contentLengthAndTransferEncoding();
        chunked();
        trailers();
        connections();
        expectations();
        preconditions();
        ranges();
    }

    private Rfc9112Rules() {
    }

    /** Every rule, in the order of the RFC. */
    public static List<Rule> all() {
        return List.copyOf(RULES);
    }

    private static void messageAndVersion() {
        add("9112 2.2", "empty lines before the request-line are skipped", "\r\n\r\n" + HELLO, 200, true);
        add("9112 2.2", "bare LF ends the request-line", "GET /hello HTTP/1.1\n" + HOST + "\r\n", 400, false);
        add("9112 2.2", "bare LF ends a field line", "GET /hello HTTP/1.1\r\nHost: a\n\r\n", 400, false);
        add("9112 2.2", "bare CR inside a field line", "GET /hello HTTP/1.1\r\nHost: a\rX: y\r\n\r\n", 400, false);
        add("9112 2.2", "whitespace before the first field line", "GET /hello HTTP/1.1\r\n Host: a\r\n\r\n", 400, false);
        add("9112 2.3", "version `HTTP/1.01`", get("/hello", "HTTP/1.01"), 400, false);
        add("9112 2.3", "version `HTTP/01.1`", get("/hello", "HTTP/01.1"), 400, false);
        add("9112 2.3", "version `HTTP/001.001`", get("/hello", "HTTP/001.001"), 400, false);
        add("9112 2.3", "version `HTTP/3` without minor", get("/hello", "HTTP/3"), 400, false);
        add("9112 2.3", "version `http/1.1` (HTTP-name is case-sensitive)", get("/hello", "http/1.1"), 400, false);
        add("9110 2.5", "version `HTTP/1.2` is served as 1.1", get("/hello", "HTTP/1.2"), 200, true);
        add("9110 15.6.6", "version `HTTP/2.0` (major version not supported)", get("/hello", "HTTP/2.0"), 505, false);
        add("9110 15.6.6", "version `HTTP/0.9` written out", get("/hello", "HTTP/0.9"), 505, false);
    }

    private static void requestLine() {
        add("9112 3", "two SP before the target", "GET  /hello HTTP/1.1\r\n" + HOST + "\r\n", 400, false);
        add("9112 3", "two SP before the version", "GET /hello  HTTP/1.1\r\n" + HOST + "\r\n", 400, false);
        add("9112 3", "HTAB instead of SP", "GET\t/hello HTTP/1.1\r\n" + HOST + "\r\n", 400, false);
        add("9112 3", "SP after the version", "GET /hello HTTP/1.1 \r\n" + HOST + "\r\n", 400, false);
        add("9112 3", "SP before the method", " GET /hello HTTP/1.1\r\n" + HOST + "\r\n", 400, false);
        add("9112 3.1", "method `G(T` is not a token", "G(T /hello HTTP/1.1\r\n" + HOST + "\r\n", 400, false);
        add("9110 9.1", "method `get` (methods are case-sensitive)", "get /hello HTTP/1.1\r\n" + HOST + "\r\n", 501, false);
        add("9110 15.6.2", "unknown method `BREW`", "BREW /hello HTTP/1.1\r\n" + HOST + "\r\n", 501, false);
        add("9112 3", "request-line over LimitRequestLine (8190 bytes)",
                get("/hello?" + "a".repeat(8190), "HTTP/1.1"), 414, false);
        add("9110 15.5.6", "DELETE on /hello (known method, not allowed)", "DELETE /hello HTTP/1.1\r\n" + HOST + "\r\n",
                405, true);
        add("9110 15.5.5", "unknown path", get("/nothing-here", "HTTP/1.1"), 404, true);
    }

    private static void requestTarget() {
        add("9112 3.2.1", "origin-form with query `/hello?a=/?:@%41`", get("/hello?a=/?:@%41", "HTTP/1.1"), 200, true);
        add("9112 3.2.1", "bad pct-encoding in the path `/hel%zzlo`", get("/hel%zzlo", "HTTP/1.1"), 400, false);
        add("9112 3.2.1", "bad pct-encoding in the query `?%zz`", get("/hello?%zz", "HTTP/1.1"), 400, false);
        add("9112 3.2.1", "`\"` in the path (not in RFC 3986)", get("/hel\"lo", "HTTP/1.1"), 400, false);
        add("9112 3.2.1", "`{|}` in the query (not in RFC 3986)", get("/hello?a={|}", "HTTP/1.1"), 400, false);
        add("9112 3.2.1", "obs-text byte `0x80` in the path", get("/hel\u0080lo", "HTTP/1.1"), 400, false);
        add("9112 3.2.1", "fragment `#frag` in the target", get("/hello#frag", "HTTP/1.1"), 400, false);
        add("9112 3.2.2", "absolute-form `http://a/hello`", get("http://a/hello", "HTTP/1.1"), 200, true);
        add("9112 3.2.2", "absolute-form `HTTP://A/hello` (scheme and host are case-insensitive)",
                get("HTTP://A/hello", "HTTP/1.1"), 200, true);
        add("9110 4.2.1", "absolute-form with userinfo `http://u@a/hello`", get("http://u@a/hello", "HTTP/1.1"),
                400, false);
        add("9110 4.2.1", "absolute-form with an empty host `http:///hello`", get("http:///hello", "HTTP/1.1"),
                400, false);
        add("9112 3.2.2", "absolute-form with scheme `ftp`", get("ftp://a/hello", "HTTP/1.1"), 400, false);
        add("9112 3.2.2", "absolute-form with port `80x`", get("http://a:80x/hello", "HTTP/1.1"), 400, false);
        add("9112 3.2", "absolute-form without Host in HTTP/1.1", "GET http://a/hello HTTP/1.1\r\n\r\n", 400, false);
        add("9112 3.2.3", "CONNECT `a:443` (authority-form; no tunnels here)", "CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n",
                405, true);
        add("9112 3.2.3", "CONNECT `a` without port", "CONNECT a HTTP/1.1\r\n" + HOST + "\r\n", 400, false);
        add("9112 3.2.3", "CONNECT with origin-form `/hello`", "CONNECT /hello HTTP/1.1\r\n" + HOST + "\r\n", 400, false);
        add("9112 3.2.3", "authority-form `a:443` with GET", get("a:443", "HTTP/1.1"), 400, false);
        add("9112 3.2.4", "`OPTIONS *` (200 with Allow)", "OPTIONS * HTTP/1.1\r\n" + HOST + "\r\n", 200, true);
        add("9112 3.2.4", "asterisk-form with GET", get("*", "HTTP/1.1"), 400, false);
        add("9112 3.2.4", "`OPTIONS *x`", "OPTIONS *x HTTP/1.1\r\n" + HOST + "\r\n", 400, false);
    }

    private static void host() {
        add("9112 3.2", "HTTP/1.1 without Host", "GET /hello HTTP/1.1\r\n\r\n", 400, false);
        add("9112 3.2", "two Host lines", "GET /hello HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", 400, false);
        add("9112 3.2", "empty Host in HTTP/1.1", withHost(""), 400, false);
        add("9112 3.2", "empty Host in HTTP/1.0", "GET /hello HTTP/1.0\r\nHost:\r\n\r\n", 200, false);
        add("9112 3.2", "HTTP/1.0 without Host", "GET /hello HTTP/1.0\r\n\r\n", 200, false);
        add("9110 7.2", "Host `exa mple.org`", withHost("exa mple.org"), 400, false);
        add("9110 7.2", "Host `user@example.org`", withHost("user@example.org"), 400, false);
        add("9110 7.2", "Host `example.org:80x`", withHost("example.org:80x"), 400, false);
        add("9110 7.2", "Host `example.org:8080`", withHost("example.org:8080"), 200, true);
        add("9110 7.2", "Host `example.org:65536` (not a TCP port)", withHost("example.org:65536"), 400, false);
        add("9110 7.2", "Host `example.org:0` (not a TCP port)", withHost("example.org:0"), 400, false);
        add("9110 4.2.1", "Host `example.org:` (empty port: the default)", withHost("example.org:"), 200, true);
        add("9110 7.2", "Host `[::1]:8080`", withHost("[::1]:8080"), 200, true);
        add("9110 7.2", "Host `[::ffff:1.2.3.4]`", withHost("[::ffff:1.2.3.4]"), 200, true);
        add("9110 7.2", "Host `[zz::1]`", withHost("[zz::1]"), 400, false);
        add("9110 7.2", "Host `[::1` without `]`", withHost("[::1"), 400, false);
        add("9110 7.2", "Host `[v1.x]` (IPvFuture)", withHost("[v1.x]"), 200, true);
        add("9110 7.2", "Host `a%41,b` (pct-encoded and sub-delims are reg-name)", withHost("a%41,b"), 200, true);
        add("9110 7.2", "Host `a b` in HTTP/1.0", "GET /hello HTTP/1.0\r\nHost: a b\r\n\r\n", 400, false);
    }

    private static void fieldLines() {
        add("9112 5.1", "whitespace between field name and colon", "GET /hello HTTP/1.1\r\nHost : a\r\n\r\n", 400, false);
        add("9112 5.1", "field name `X y` is not a token", withField("X y: z"), 400, false);
        add("9112 5.1", "empty field name", withField(": z"), 400, false);
        add("9112 5.1", "field line without colon", withField("NoColon"), 400, false);
        add("9112 5.2", "obs-fold", withField("X: a\r\n b"), 400, false);
        add("9110 5.5", "NUL in a field value", withField("X: a\u0000b"), 400, false);
        add("9110 5.5", "control `0x01` in a field value", withField("X: a\u0001b"), 400, false);
        add("9110 5.5", "DEL in a field value", withField("X: a\u007fb"), 400, false);
        add("9110 5.5", "HTAB and obs-text in a field value", withField("X: a\tb\u00ffc"), 200, true);
        add("9110 5.5", "empty field value", withField("X:"), 200, true);
        add("LimitRequestFieldSize", "field line over 8190 bytes", withField("X: " + "a".repeat(8190)), 431, false);
        add("LimitRequestFields", "101 field lines", withField("X: 1\r\n".repeat(100).trim()), 431, false);
    }

    private static void contentLengthAndTransferEncoding() {
        add("9112 6.2", "Content-Length body", withBody("Content-Length: 5", "hello"), 200, true);
        add("9112 6.3", "Content-Length `5, 5` (one value repeated)", withBody("Content-Length: 5, 5", "hello"), 200, true);
        add("9112 6.3", "Content-Length `5` on two lines", withBody("Content-Length: 5\r\nContent-Length: 5", "hello"),
                200, true);
        add("9112 6.3", "Content-Length `5, 6`", withBody("Content-Length: 5, 6", "hello"), 400, false);
        add("9112 6.3", "Content-Length `+5`", withBody("Content-Length: +5", "hello"), 400, false);
        add("9112 6.3", "Content-Length empty", withBody("Content-Length:", ""), 400, false);
        add("9112 6.3", "Content-Length of 20 digits (overflow)",
                withBody("Content-Length: 99999999999999999999", "hello"), 400, false);
        add("9112 6.3", "Content-Length `005`", withBody("Content-Length: 005", "hello"), 200, true);
        add("LimitRequestBody", "Content-Length 2000000000 (over 1 GiB)", withBody("Content-Length: 2000000000", "hello"),
                413, false);
        add("9112 6.1", "Transfer-Encoding `chunked`", CHUNKED + FIVE, 200, true);
        add("9112 6.1", "Transfer-Encoding `CHUNKED`", withBody("Transfer-Encoding: CHUNKED", FIVE), 200, true);
        add("9110 5.6.1", "Transfer-Encoding `,chunked` (empty list element)", withBody("Transfer-Encoding: ,chunked", FIVE),
                200, true);
        add("9112 6.3", "Transfer-Encoding `chunked, gzip` (chunked not last)",
                withBody("Transfer-Encoding: chunked, gzip", FIVE), 400, false);
        add("9112 6.3", "Transfer-Encoding `identity`", withBody("Transfer-Encoding: identity", ""), 400, false);
        add("9112 6.1", "Transfer-Encoding `gzip, chunked` (unknown coding)",
                withBody("Transfer-Encoding: gzip, chunked", FIVE), 501, false);
        add("9112 6.1", "Transfer-Encoding `chunked, chunked`", withBody("Transfer-Encoding: chunked, chunked", FIVE),
                400, false);
        add("9112 6.1", "Transfer-Encoding `chunked` on two lines",
                withBody("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked", FIVE), 400, false);
        add("9112 6.1", "Transfer-Encoding `chunked;a=b`", withBody("Transfer-Encoding: chunked;a=b", FIVE), 400, false);
        add("9112 6.1", "Transfer-Encoding empty", withBody("Transfer-Encoding:", ""), 400, false);
        add("9112 6.1", "Content-Length and Transfer-Encoding",
                withBody("Content-Length: 5\r\nTransfer-Encoding: chunked", FIVE), 400, false);
        add("9112 6.1", "HTTP/1.0 with Transfer-Encoding, keep-alive and a pipelined request: answered, then closed",
                "GET /hello HTTP/1.0\r\nHost: a\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + FIVE + HELLO, 200, false);
    }

    private static void chunked() {
        add("9112 7.1", "chunk-size with 18 leading zeros", CHUNKED + "0000000000000000005\r\nhello\r\n0\r\n\r\n", 200, true);
        add("9112 7.1", "chunk-size of 17 hex digits (overflow)", CHUNKED + "10000000000000000\r\nhello\r\n0\r\n\r\n",
                413, false);
        add("LimitRequestBody", "chunk-size `80000000` (2 GiB)", CHUNKED + "80000000\r\nhello\r\n0\r\n\r\n", 413, false);
        add("9112 7.1", "chunk-size `0x5`", CHUNKED + "0x5\r\nhello\r\n0\r\n\r\n", 400, false);
        add("9112 7.1", "chunk-size `-5`", CHUNKED + "-5\r\nhello\r\n0\r\n\r\n", 400, false);
        add("9112 7.1", "chunk-size missing `;a`", CHUNKED + ";a\r\nhello\r\n0\r\n\r\n", 400, false);
        add("9112 7.1", "chunk-size followed by SP `5 `", CHUNKED + "5 \r\nhello\r\n0\r\n\r\n", 400, false);
        add("9112 7.1", "chunk data longer than its size", CHUNKED + "5\r\nhelloXX\r\n0\r\n\r\n", 400, false);
        add("9112 7.1", "bare LF after chunk data", CHUNKED + "5\r\nhello\n0\r\n\r\n", 400, false);
        add("9112 7.1.1", "chunk-ext `5;name=value`", CHUNKED + "5;name=value\r\nhello\r\n0\r\n\r\n", 200, true);
        add("9112 7.1.1", "chunk-ext `5 ; name=\"a b\"`", CHUNKED + "5 ; name=\"a b\"\r\nhello\r\n0\r\n\r\n", 200, true);
        add("9112 7.1.1", "chunk-ext `5;a;b=c;d=\"\\\"x\"`", CHUNKED + "5;a;b=c;d=\"\\\"x\"\r\nhello\r\n0\r\n\r\n",
                200, true);
        add("9112 7.1.1", "chunk-ext with HTAB around `=`", CHUNKED + "5;a\t=\t\"b\"\r\nhello\r\n0\r\n\r\n", 200, true);
        add("9112 7.1.1", "chunk-ext `5;ext\\x00=1` (NUL)", CHUNKED + "5;ext\u0000=1\r\nhello\r\n0\r\n\r\n", 400, false);
        add("9112 7.1.1", "chunk-ext `5;\\x7f`", CHUNKED + "5;\u007f\r\nhello\r\n0\r\n\r\n", 400, false);
        add("9112 7.1.1", "chunk-ext `5;name=\"value` (quote never closed)", CHUNKED + "5;name=\"value\r\nhello\r\n0\r\n\r\n",
                400, false);
        add("9112 7.1.1", "chunk-ext `5;=v` (no name)", CHUNKED + "5;=v\r\nhello\r\n0\r\n\r\n", 400, false);
        add("9112 7.1.1", "chunk-ext `5;` (no name)", CHUNKED + "5;\r\nhello\r\n0\r\n\r\n", 400, false);
        add("9112 7.1.1", "chunk-ext `5;a=` (no value)", CHUNKED + "5;a=\r\nhello\r\n0\r\n\r\n", 400, false);
        add("9112 7.1.1", "chunk-ext `5;a b`", CHUNKED + "5;a b\r\nhello\r\n0\r\n\r\n", 400, false);
        add("9112 7.1.1", "chunk-ext `5;a=\"x\"y`", CHUNKED + "5;a=\"x\"y\r\nhello\r\n0\r\n\r\n", 400, false);
        add("9112 7.1.1", "chunk-ext with `0x01` in a quoted value", CHUNKED + "5;a=\"\u0001\"\r\nhello\r\n0\r\n\r\n",
                400, false);
        add("9112 7.1.1", "chunk-ext with obs-text in a quoted value", CHUNKED + "5;a=\"\u0080\"\r\nhello\r\n0\r\n\r\n",
                200, true);
        add("9112 7.1", "last-chunk `000;x=1`", CHUNKED + "5\r\nhello\r\n000;x=1\r\n\r\n", 200, true);
        add("9112 7.1.1", "20 one-byte chunks with 1000 bytes of extension each (over the allowance)",
                CHUNKED + ("1;x=" + "v".repeat(996) + "\r\nx\r\n").repeat(20) + "0\r\n\r\n", 413, false);
    }

    private static void trailers() {
        add("9112 7.1.2", "trailer field", CHUNKED + "5\r\nhello\r\n0\r\nT: v\r\n\r\n", 200, true);
        add("9112 7.1.2", "trailer with whitespace before the colon", CHUNKED + "5\r\nhello\r\n0\r\nT : v\r\n\r\n", 400, false);
        add("9112 7.1.2", "trailer with obs-fold", CHUNKED + "5\r\nhello\r\n0\r\nT: v\r\n w\r\n\r\n", 400, false);
        add("9112 7.1.2", "trailer with `0x01` in its value", CHUNKED + "5\r\nhello\r\n0\r\nT: a\u0001b\r\n\r\n", 400, false);
        add("9112 7.1.2", "trailer line without colon", CHUNKED + "5\r\nhello\r\n0\r\nNoColon\r\n\r\n", 400, false);
        add("9110 6.5.1", "Content-Length in the trailer (ignored)", CHUNKED + "5\r\nhello\r\n0\r\nContent-Length: 7\r\n\r\n",
                200, true);
        add("9112 7.1.2", "3 trailer lines of 4000 bytes after 5 bytes of data (over the allowance)",
                CHUNKED + "5\r\nhello\r\n0\r\n" + ("T: " + "t".repeat(3997) + "\r\n").repeat(3) + "\r\n", 413, false);
    }

    private static void connections() {
        add("9112 9.3", "HTTP/1.1 is persistent", HELLO, 200, true);
        add("9112 9.6", "`Connection: close`", withField("Connection: close"), 200, false);
        add("9112 9.3", "HTTP/1.0 with `Connection: keep-alive`", "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
                200, true);
        add("9110 10.1.1", "`Expect: foo`", withField("Expect: foo"), 417, false);
        add("9110 10.1.1", "`Expect: 100-continue` without a body", withField("Expect: 100-continue"), 200, true);
        add("9110 10.1.1", "`Expect: 100-continue` in HTTP/1.0 is ignored",
                "GET /hello HTTP/1.0\r\nExpect: 100-continue\r\n\r\n", 200, false);
    }

    /** RFC 9110 10.1.1: a final status decided by the head goes out instead of 100, the body unsent. */
    private static void expectations() {
        String expect = "Expect: 100-continue\r\nContent-Length: 5\r\n\r\n";
        add("9110 10.1.1", "`Expect: 100-continue` on an unknown path, body not sent: answered at once",
                "POST /nothing HTTP/1.1\r\n" + HOST + expect, 404, false);
        add("9110 10.1.1", "`Expect: 100-continue` with a method not allowed (`DELETE /hello`), body not sent",
                "DELETE /hello HTTP/1.1\r\n" + HOST + expect, 405, false);
        add("9110 10.1.1", "`Expect: 100-continue` with Content-Length over LimitRequestBody",
                "POST /hello HTTP/1.1\r\n" + HOST + "Expect: 100-continue\r\nContent-Length: 2000000000\r\n\r\n",
                413, false);
        add("9110 10.1.1", "`Expect: 100-continue, foo` (one expectation unknown), body not sent",
                "POST /hello HTTP/1.1\r\n" + HOST + "Expect: 100-continue, foo\r\nContent-Length: 5\r\n\r\n",
                417, false);
    }

    /** RFC 9110 13: /hello carries an ETag and a Last-Modified, as a static file does. */
    private static void preconditions() {
        String past = "Sun, 06 Nov 1994 08:49:37 GMT";
        add("9110 13.1.2", "`If-None-Match: *` (the file exists)", withField("If-None-Match: *"), 304, true);
        add("9110 13.1.2", "`If-None-Match` naming another tag", withField("If-None-Match: \"x\""), 200, true);
        add("9110 13.1.1", "`If-Match: *`", withField("If-Match: *"), 200, true);
        add("9110 13.1.1", "`If-Match` naming another tag", withField("If-Match: \"x\", \"y\""), 412, true);
        add("9110 13.1.3", "`If-Modified-Since` now", withField("If-Modified-Since: " + RuleProbe.NOW), 304, true);
        add("9110 13.1.3", "`If-Modified-Since` in 1994", withField("If-Modified-Since: " + past), 200, true);
        add("9110 13.1.3", "`If-Modified-Since` not a date (ignored)", withField("If-Modified-Since: yesterday"),
                200, true);
        add("9110 13.1.3", "`If-Modified-Since` in 2100 (later than the server's clock)",
                withField("If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT"), 200, true);
        add("9110 13.1.4", "`If-Unmodified-Since` in 1994", withField("If-Unmodified-Since: " + past), 412, true);
        add("9110 13.1.4", "`If-Unmodified-Since` now", withField("If-Unmodified-Since: " + RuleProbe.NOW), 200, true);
        add("9110 13.2.2", "`If-Match: *` wins over `If-Unmodified-Since` in 1994",
                withFields("If-Match: *", "If-Unmodified-Since: " + past), 200, true);
        add("9110 13.2.2", "`If-None-Match` naming another tag wins over `If-Modified-Since` now",
                withFields("If-None-Match: \"x\"", "If-Modified-Since: " + RuleProbe.NOW), 200, true);
        add("9110 13.2.2", "`If-None-Match: *` wins over `If-Modified-Since` in 1994",
                withFields("If-None-Match: *", "If-Modified-Since: " + past), 304, true);
    }

    /** RFC 9110 14: /hello answers {@code Accept-Ranges: bytes}, 13 bytes. */
    private static void ranges() {
        add("9110 14.1.2", "`Range: bytes=0-4`", withField("Range: bytes=0-4"), 206, true);
        add("9110 14.1.2", "`Range: bytes=-6` (suffix)", withField("Range: bytes=-6"), 206, true);
        add("9110 14.1.2", "`Range: bytes=7-` (to the end)", withField("Range: bytes=7-"), 206, true);
        add("9110 14.1.2", "`Range: bytes=7-100` (last position past the end)", withField("Range: bytes=7-100"), 206, true);
        add("9110 14.1.1", "`Range: bytes=13-` (first position past the end)", withField("Range: bytes=13-"), 416, true);
        add("9110 14.1.1", "`Range: bytes=-0` (empty suffix)", withField("Range: bytes=-0"), 416, true);
        add("9110 14.1.1", "`Range: bytes=5-2` (invalid, ignored)", withField("Range: bytes=5-2"), 200, true);
        add("9110 14.2", "`Range: items=0-4` (unknown unit, ignored)", withField("Range: items=0-4"), 200, true);
        add("9110 14.2", "`Range: bytes=0-1,5-6` (two ranges)", withField("Range: bytes=0-1,5-6"), 200, true);
        add("9110 13.1.5", "`Range` with `If-Range` naming another tag (whole file)",
                withFields("Range: bytes=0-4", "If-Range: \"x\""), 200, true);
        add("9110 13.1.5", "`Range` with `If-Range` of a date in 1994 (whole file)",
                withFields("Range: bytes=0-4", "If-Range: Sun, 06 Nov 1994 08:49:37 GMT"), 200, true);
        add("9110 13.2.2", "`Range` with `If-None-Match: *` (304 first)",
                withFields("Range: bytes=0-4", "If-None-Match: *"), 304, true);
    }

    private static String get(String target, String version) {
        return "GET " + target + " " + version + "\r\n" + HOST + "\r\n";
    }

    private static String withHost(String value) {
        return "GET /hello HTTP/1.1\r\nHost: " + value + "\r\n\r\n";
    }

    private static String withField(String line) {
        return "GET /hello HTTP/1.1\r\n" + HOST + line + "\r\n\r\n";
    }

    private static String withFields(String line, String another) {
        return "GET /hello HTTP/1.1\r\n" + HOST + line + "\r\n" + another + "\r\n\r\n";
    }

    private static String withBody(String fields, String body) {
        return "GET /hello HTTP/1.1\r\n" + HOST + fields + "\r\n\r\n" + body;
    }

    private static void add(String section, String name, String raw, int status, boolean keep) {
        RULES.add(new Rule(section, name, raw, status, keep));
    }
}
