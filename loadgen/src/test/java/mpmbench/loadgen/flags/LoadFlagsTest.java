package mpmbench.loadgen.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.http.Target;

/** The flags of {@code mpmbench load}, read once for the command line and the agents alike. */
class LoadFlagsTest {

    @Test
    void aUrlAloneIsTheBuildersDefaults() {
        assertEquals(LoadSpec.builder(Target.parse("http://127.0.0.1:1/x")).build(), LoadFlags.parse("http://127.0.0.1:1/x"));
    }

    @Test
    void eachFlagReachesItsField() {
        LoadSpec s = LoadFlags.parse("-t", "1", "-c", "3", "-d", "2s", "-R", "50", "--warmup", "1s", "--settle", "5s",
                "--timeout", "700ms", "--connect-timeout", "300ms", "--pipeline", "2", "--idle", "4", "--idle-interval",
                "1s", "--trickle", "2", "--trickle-interval", "250ms", "--spin", "0", "--bind", "127.0.0.2-127.0.0.3",
                "-H", "X-A: 1", "--json", "ignored.json", "--latency", "http://127.0.0.1:1/x");
        assertEquals(LoadSpec.builder(Target.parse("http://127.0.0.1:1/x")).threads(1).connections(3)
                .duration(java.time.Duration.ofSeconds(2)).rate(50).warmup(java.time.Duration.ofSeconds(1))
                .settle(java.time.Duration.ofSeconds(5)).timeout(java.time.Duration.ofMillis(700))
                .connectTimeout(java.time.Duration.ofMillis(300)).pipeline(2).idle(4)
                .idleInterval(java.time.Duration.ofSeconds(1)).trickle(2).trickleInterval(java.time.Duration.ofMillis(250))
                .spin(java.time.Duration.ZERO).bindAddresses(new BindRangeConverter().convert("127.0.0.2-127.0.0.3"))
                .headers(java.util.List.of("X-A: 1")).build(), s);
        assertEquals(false, LoadFlags.parse("--no-keepalive", "http://127.0.0.1:1/").keepAlive());
    }

    @Test
    void aBadFlagIsOneLineNamingIt() {
        assertEquals("Unknown option: '--bogus'",
                assertThrows(IllegalArgumentException.class, () -> LoadFlags.parse("--bogus", "http://127.0.0.1:1/"))
                        .getMessage());
        assertEquals("-R/--rate must be > 0 requests/s, got 0.0 (leave it out for the closed model)",
                assertThrows(IllegalArgumentException.class, () -> LoadFlags.parse("-R", "0", "http://127.0.0.1:1/"))
                        .getMessage());
    }
}
