package mpmbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import mpmbench.loadgen.http.Target;

/** The builder: every field set and carried over, and validated as the canonical constructor does. */
class LoadSpecTest {

    private static final Target TARGET = Target.parse("http://127.0.0.1:8080/hello");

    /** A spec with no field at its default. */
    static LoadSpec everyFieldSet() throws Exception {
        return LoadSpec.builder(TARGET).threads(3).connections(17).rate(1234.5).duration(Duration.ofMillis(2500))
                .warmup(Duration.ofSeconds(5)).timeout(Duration.ofMillis(900)).connectTimeout(Duration.ofMillis(750))
                .keepAlive(true).pipeline(4).idle(5).idleInterval(Duration.ofSeconds(4)).idleRate(250)
                .bindAddresses(List.of(InetAddress.getByName("127.0.0.2"))).headers(List.of("X-Test: 1"))
                .spin(Duration.ofMillis(1)).settle(Duration.ofSeconds(9)).trickle(6)
                .trickleInterval(Duration.ofMillis(500))
                .tls(new TlsOptions(List.of(TlsOptions.TLS12), TlsOptions.Resume.SESSION_ID, true))
                .io(IoBackend.NIO).build();
    }

    @Test
    void everySetterSetsItsFieldAndToBuilderCarriesThemAll() throws Exception {
        LoadSpec s = everyFieldSet();
        assertEquals(new LoadSpec(TARGET, 3, 17, 1234.5, Duration.ofMillis(2500), Duration.ofSeconds(5),
                Duration.ofMillis(900), Duration.ofMillis(750), true, 4, 5, Duration.ofSeconds(4), 250,
                List.of(InetAddress.getByName("127.0.0.2")), List.of("X-Test: 1"), Duration.ofMillis(1),
                Duration.ofSeconds(9), 6, Duration.ofMillis(500),
                new TlsOptions(List.of(TlsOptions.TLS12), TlsOptions.Resume.SESSION_ID, true), IoBackend.NIO), s);
        assertEquals(s, s.toBuilder().build());
        LoadSpec churn = s.toBuilder().pipeline(1).keepAlive(false).build(); // keep-alive is the one default left
        assertEquals(false, churn.keepAlive());
        assertEquals(churn, churn.toBuilder().build());
        for (var field : LoadSpec.class.getRecordComponents()) {
            if (field.getName().equals("keepAlive")) {
                continue;
            }
            Object mine = field.getAccessor().invoke(s);
            Object fresh = field.getAccessor().invoke(LoadSpec.builder(Target.parse("http://127.0.0.1:1/")).build());
            assertNotEquals(fresh, mine, field.getName() + " is at its default in the fixture: the test would miss it");
        }
    }

    @Test
    void theBuilderStartsAtTheCommandLinesDefaults() {
        LoadSpec d = LoadSpec.builder(TARGET).build();
        assertEquals(LoadSpec.closed(TARGET, LoadSpec.DEFAULT_THREADS, LoadSpec.DEFAULT_CONNECTIONS,
                LoadSpec.DEFAULT_DURATION), d);
        assertEquals(false, d.open());
        assertEquals(0, d.trickle());
        assertEquals(LoadSpec.DEFAULT_TIMEOUT, d.timeout());
    }

    @Test
    void buildValidatesAndNamesTheFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadSpec.builder(TARGET).threads(4).connections(2).build());
        assertEquals("-c/--connections must be >= -t/--threads (4), got 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LoadSpec.builder(TARGET).keepAlive(false).pipeline(2).build());
    }
}
