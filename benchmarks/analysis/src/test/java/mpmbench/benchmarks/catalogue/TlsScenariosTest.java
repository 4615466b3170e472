package mpmbench.benchmarks.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The HTTPS scenarios of issue 21: declared with their transport, run when named, plain ones untouched. */
class TlsScenariosTest {

    @Test
    void the_tls_scenarios_are_https_with_the_resumption_each_measures() {
        Map<String, Scenario> quick = Scenarios.byName(SuiteKind.QUICK, 2);
        assertEquals(Transport.HTTPS, quick.get(Scenarios.TLS_HELLO).transport());
        assertTrue(quick.get(Scenarios.TLS_HELLO).keepAlive());
        Scenario full = quick.get(Scenarios.TLS_CHURN);
        assertEquals(Transport.HTTPS_FULL, full.transport());
        assertEquals("none", full.transport().tlsResume());
        assertFalse(full.keepAlive(), "a handshake per request");
        Scenario resumed = quick.get(Scenarios.TLS_CHURN_RESUMED);
        assertEquals("ticket", resumed.transport().tlsResume());
        assertEquals("TLSv1.2", resumed.transport().tlsProtocols(), "a TLS 1.2 session is offered on every reconnect");
        assertEquals("", full.transport().tlsProtocols());
        assertFalse(resumed.keepAlive());
        Scenario idle = quick.get(Scenarios.TLS_IDLE);
        assertEquals(List.of(new Level(Scenarios.IDLE_ACTIVE_CONNECTIONS, 0, 300)), idle.levels());
        assertEquals(List.of(300, 2000, 10000), Scenarios.byName(SuiteKind.FULL, 2).get(Scenarios.TLS_IDLE).levels()
                .stream().map(Level::idle).toList());
        for (String n : Scenarios.TLS) {
            assertTrue(quick.get(n).transport().tls(), n);
            assertEquals("https", quick.get(n).transport().scheme(), n);
            assertEquals("/hello", quick.get(n).peerPath(), n + ": the peers serve it too");
        }
    }

    @Test
    void they_run_when_named_but_claim_9s_in_full_and_every_other_scenario_stays_plain_http() {
        assertTrue(Scenarios.defaults(SuiteKind.QUICK, 2).stream().noneMatch(Scenarios.TLS::contains));
        assertEquals(List.of(Scenarios.TLS_CHURN_RESUMED),
                Scenarios.defaults(SuiteKind.FULL, 2).stream().filter(Scenarios.TLS::contains).toList());
        Scenarios.of(SuiteKind.FULL, 2).stream().filter(s -> !Scenarios.TLS.contains(s.name()))
                .forEach(s -> assertEquals(Transport.HTTP, s.transport(), s.name()));
        assertEquals("", Transport.HTTP.tlsResume());
        assertFalse(Transport.HTTP.tls());
    }
}
