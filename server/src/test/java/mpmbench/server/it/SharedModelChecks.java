package mpmbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

import mpmbench.server.http.Rfc9112Rules;
import mpmbench.server.http.RuleProbe;

/**
 * The checks {@link ModelConformanceTest} (plain HTTP) and {@link TlsModelTest} (HTTPS) run alike on
 * a model's running server: one body each, given how to open a client, so the two suites cannot
 * drift apart.
 */
final class SharedModelChecks {

    /** Opens a new connection to the server under test, plain or TLS. */
    interface Clients {
        HttpTestClient open() throws IOException;
    }

    private SharedModelChecks() {
    }

    /** Bad input gets 400 and the end of its connection; the next client is served as usual. */
    static void badInputGetsAStatusAndTheServerGoesOn(Clients clients) throws IOException {
        try (HttpTestClient c = clients.open()) {
            c.send("GARBAGE\r\n\r\n");
            assertEquals(400, c.read(false).status());
            assertTrue(c.closedByServer());
        }
        try (HttpTestClient c = clients.open()) {
            assertEquals(404, c.get("/nothing-here").status());
            assertEquals(200, c.get("/hello").status());
        }
    }

    /**
     * Every rule of RFC 9112 the parser enforces, end to end: the status and the connection's fate,
     * over TLS when {@code tls} is given, in plain text when it is null.
     */
    static void followsRfc9112RuleByRule(int port, SSLContext tls) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Rfc9112Rules.Rule rule : Rfc9112Rules.all()) {
            String seen = RuleProbe.send(port, rule.raw(), 5_000, tls).shown();
            if (!seen.equals(rule.expected())) {
                broken.add(rule + ", got " + seen);
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }
}
