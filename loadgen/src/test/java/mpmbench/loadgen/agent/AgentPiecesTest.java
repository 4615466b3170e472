package mpmbench.loadgen.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.flags.LoadFlags;
import mpmbench.loadgen.http.Target;

/** The coordinator's pure parts, on hand-worked values: clock offsets, shares, flags, quoting. */
class AgentPiecesTest {

    @Test
    void theClockOffsetComesFromTheShortestRoundTrip() {
        // agent clock 5,000 µs ahead; the second ping has the shortest round trip (200 µs, symmetric)
        long[] sent = {1_000, 2_000, 3_000};
        long[] agent = {6_900, 7_100, 8_400};
        long[] received = {1_900, 2_200, 3_800};
        ClockOffset c = ClockOffset.estimate(sent, agent, received);
        assertEquals(5_000, c.offsetUs());
        assertEquals(100, c.uncertaintyUs());
        assertEquals(15_000, c.toAgent(10_000));
        assertEquals(10_000, c.toCoordinator(15_000));
        assertTrue(c.within(Duration.ofMillis(6)));
        assertFalse(c.within(Duration.ofMillis(5)), "|offset| + uncertainty = 5.1 ms");
        assertTrue(new ClockOffset(-4_000, 500).within(Duration.ofMillis(5)));
    }

    @Test
    void connectionsAndRateSplitByWeightAndSumToTheTotal() {
        LoadSpec total = LoadSpec.closed(Target.parse("http://127.0.0.1:1/hello"), 2, 21, Duration.ofSeconds(3))
                .toBuilder().rate(3000).idle(10).idleInterval(Duration.ofSeconds(3)).build();
        List<LoadSpec> even = LoadShares.split(total, new double[] {1, 1, 1});
        assertEquals(List.of(7, 7, 7), even.stream().map(LoadSpec::connections).toList());
        assertEquals(List.of(4, 3, 3), even.stream().map(LoadSpec::idle).toList());
        even.forEach(s -> assertEquals(1000.0, s.rate(), 1e-9));
        List<LoadSpec> weighted = LoadShares.split(total, new double[] {2, 1});
        assertEquals(List.of(14, 7), weighted.stream().map(LoadSpec::connections).toList());
        assertEquals(2000.0, weighted.get(0).rate(), 1e-9);
        assertEquals(1000.0, weighted.get(1).rate(), 1e-9);
        assertEquals(2, weighted.get(1).threads(), "threads are per agent");
        LoadSpec back = LoadShares.sum(total, weighted);
        assertEquals(21, back.connections());
        assertEquals(3000.0, back.rate(), 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadShares.split(total, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
        assertTrue(e.getMessage().startsWith("agent 11's share of -c 21 is 1 connections, fewer than -t 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LoadShares.split(total, new double[] {1, 0}));
    }

    @Test
    void anAgentReadsItsShareBackFromTheFlagsExactly() {
        LoadSpec share = LoadSpec.builder(Target.parse("http://127.0.0.1:8080/hello?x=1")).threads(3).connections(17)
                .rate(1234.5678).duration(Duration.ofMillis(2500)).warmup(Duration.ofNanos(1_234_567))
                .timeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofMillis(750)).keepAlive(false).idle(5)
                .idleInterval(Duration.ofSeconds(4)).headers(List.of("X-Test: a b 'c'")).spin(Duration.ofNanos(50_000))
                .build();
        assertEquals(share, LoadFlags.parse(AgentArgs.of(share).toArray(String[]::new)));
        LoadSpec closed = LoadSpec.closed(Target.parse("http://127.0.0.1:8080/"), 1, 1, Duration.ofSeconds(1)).toBuilder().pipeline(4).build();
        assertEquals(closed, LoadFlags.parse(AgentArgs.of(closed).toArray(String[]::new)));
        LoadSpec tls = closed.toBuilder().target(Target.parse("https://localhost:8443/"))
                .tls(new mpmbench.loadgen.TlsOptions(List.of("TLSv1.2"), mpmbench.loadgen.TlsOptions.Resume.SESSION_ID, true))
                .build();
        assertEquals(tls, LoadFlags.parse(AgentArgs.of(tls).toArray(String[]::new)), "the TLS flags reach the agents");
        LoadSpec groups = tls.toBuilder().tls(new mpmbench.loadgen.TlsOptions(List.of("TLSv1.3", "TLSv1.2"),
                mpmbench.loadgen.TlsOptions.Resume.NONE, false, List.of("x25519", "secp256r1"))).build();
        assertEquals(groups, LoadFlags.parse(AgentArgs.of(groups).toArray(String[]::new)), "--tls-groups reaches the agents");
        LoadSpec jsse = tls.toBuilder().tls(tls.tls().withEngine(mpmbench.loadgen.TlsEngine.JSSE)).build();
        assertEquals(jsse, LoadFlags.parse(AgentArgs.of(jsse).toArray(String[]::new)), "--tls-engine reaches the agents");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a b", "it's", "$HOME", "`x`", "\"q\"", "", "X-Test: a b 'c'"})
    void quotedWordsReachTheRemoteShellUnchanged(String word) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "printf %s " + ShellQuote.quote(word)).start();
        assertEquals(word, new String(p.getInputStream().readAllBytes()));
        assertEquals(0, p.waitFor());
    }

    @Test
    void theSameHostTwiceGetsTwoLabels() {
        List<AgentHost> a = AgentHost.of(List.of("h1", "user@h2", "h1"));
        assertEquals(List.of("h1", "user@h2", "h1#2"), a.stream().map(AgentHost::label).toList());
        assertEquals("h1_2", a.get(2).fileName());
        assertThrows(IllegalArgumentException.class, () -> AgentHost.of(List.of("h1", " ")));
    }

    @Test
    void progressLinesWaitForEveryRunningAgentAndSumThem() {
        List<String> printed = new java.util.ArrayList<>();
        ProgressMerge m = new ProgressMerge(2, (s, w, rps, e) -> printed.add(ProgressMerge.line(s, w, rps, e)));
        m.second(1, "1.001 1 900 0");
        assertEquals(List.of(), printed, "agent 2 has not reported second 1 yet");
        m.second(2, "0.998 1 1100 1");
        m.second(1, "2.000 0 1900 0");
        assertEquals(List.of("     1.0s warm-up      2000 req/s  errors 1"), printed);
        m.gone(); // agent 2 failed: second 2 no longer waits for it
        assertEquals("     2.0s              1000 req/s  errors 1", printed.get(1));
    }

    @Test
    void theSummedSecondsDecideTheWarmupEndForEveryAgentOneSecondLater() {
        List<Long> told = new java.util.ArrayList<>();
        AgentsSettle settle = new AgentsSettle(Duration.ofSeconds(5), Duration.ofSeconds(10), told::add);
        // steady from second 1 on, but --warmup 5s: the first decision may come at second 5
        for (long s = 1; s <= 4; s++) {
            settle.second(s, true, 1000);
        }
        assertEquals(List.of(), told);
        settle.second(5, true, 1000);
        assertEquals(List.of(6L), told, "every agent ends its warm-up at its second 6, one instant");
        settle.second(6, false, 1000);
        assertEquals(List.of(6L), told, "told once");
        assertTrue(settle.settled());
        assertEquals(6.0, settle.warmupSeconds());
        assertEquals(null, settle.measuring("6.002 1"));
        assertTrue(settle.measuring("7.001 1").startsWith("its warm-up ended after 7.0 s, not 6.0 s with the others"));
    }

    @Test
    void aClimbThatNeverSettlesLeavesTheWarmupToTheCap() {
        List<Long> told = new java.util.ArrayList<>();
        AgentsSettle settle = new AgentsSettle(Duration.ZERO, Duration.ofSeconds(6), told::add);
        long[] climbing = {1000, 2000, 3000, 4000, 5000};
        for (int i = 0; i < climbing.length; i++) {
            settle.second(i + 1, true, climbing[i]);
        }
        settle.second(6, true, 6000); // steady or not, second 7 would be past the cap
        assertEquals(List.of(), told);
        assertFalse(settle.settled());
        assertEquals(6.0, settle.warmupSeconds());
        assertEquals(null, settle.measuring("6.000 0"), "every agent ends at the cap, one instant");
    }

    @Test
    void anAgentReadsItsSettleCapBack() {
        LoadSpec share = LoadSpec.closed(Target.parse("http://127.0.0.1:8080/"), 1, 4, Duration.ofSeconds(2))
                .toBuilder().warmup(Duration.ofSeconds(1)).settle(Duration.ofSeconds(8)).build();
        assertEquals(share, LoadFlags.parse(AgentArgs.of(share).toArray(String[]::new)));
    }
}
