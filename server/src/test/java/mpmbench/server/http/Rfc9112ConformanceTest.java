package mpmbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import mpmbench.server.tls.TestTls;

/**
 * One test per rule of {@link Rfc9112Rules} (its RFC section in the test's name), each on a real
 * loopback socket through both I/O paths: {@link SelectorChannelIo} on a platform thread and
 * {@link BlockingChannelIo} on a virtual thread, each in plain text and over TLS. The status and the
 * connection's fate must be the rule's.
 */
class Rfc9112ConformanceTest {

    private static final ConnectionTimeouts TIMEOUTS = new ConnectionTimeouts(true, 2_000, 100, 2_000);
    private static final Map<LoopbackServer.Kind, LoopbackServer> SERVERS = new EnumMap<>(LoopbackServer.Kind.class);

    static Stream<Arguments> rulesOnBothPaths() {
        return Stream.of(LoopbackServer.Kind.values())
                .flatMap(kind -> Rfc9112Rules.all().stream().map(rule -> Arguments.of(kind, rule)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("rulesOnBothPaths")
    void answersAsTheRuleSays(LoopbackServer.Kind kind, Rfc9112Rules.Rule rule) throws Exception {
        RuleProbe.Observed seen = RuleProbe.send(server(kind).port(), rule.raw(), 5_000, client(kind));
        assertEquals(rule.expected(), seen.shown(), seen.head());
        if (seen.status() >= 400 && !rule.keep()) {
            assertTrue(seen.head().contains("\r\nConnection: close\r\n"), seen.head());
        }
    }

    /** RFC 9112 3.2.4: the Allow header of {@code OPTIONS *} names every method the server serves. */
    @ParameterizedTest
    @EnumSource(LoopbackServer.Kind.class)
    void optionsAsteriskNamesTheMethodsServed(LoopbackServer.Kind kind) throws Exception {
        RuleProbe.Observed seen = RuleProbe.send(server(kind).port(), "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", 5_000,
                client(kind));
        assertEquals("200 keep", seen.shown());
        assertTrue(seen.head().contains("\r\nAllow: GET, HEAD, POST, OPTIONS\r\n"), seen.head());
        assertTrue(seen.head().contains("\r\nContent-Length: 0\r\n"), seen.head());
    }

    private static SSLContext client(LoopbackServer.Kind kind) {
        return kind.tls ? TestTls.clientContext() : null;
    }

    private static synchronized LoopbackServer server(LoopbackServer.Kind kind) throws Exception {
        LoopbackServer s = SERVERS.get(kind);
        if (s == null) {
            s = new LoopbackServer(kind, TIMEOUTS);
            SERVERS.put(kind, s);
        }
        return s;
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (LoopbackServer s : SERVERS.values()) {
            s.close();
        }
        SERVERS.clear();
    }
}
