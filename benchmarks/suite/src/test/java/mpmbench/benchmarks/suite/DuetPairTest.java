package mpmbench.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The two sides of a duet level: launched together, each gets the other's CPU, and one that leaves holds nobody up. */
class DuetPairTest {

    @Test
    @Timeout(10)
    void bothSidesStartTogetherAndExchangeTheirCpu() throws Exception {
        DuetPair pair = new DuetPair(Duration.ofSeconds(5));
        CompletableFuture<Double> first = CompletableFuture.supplyAsync(() -> side(pair.first(), 5e9));
        Thread.sleep(100); // the first waits at the barrier for the second
        assertTrue(!first.isDone(), "the first side waits for the second before it launches its generator");
        double second = side(pair.second(), 7e9);
        double got = first.get(5, TimeUnit.SECONDS);
        assertEquals(7e9, got, 0.0);
        assertEquals(5e9, second, 0.0);
    }

    @Test
    @Timeout(10)
    void aSideThatLeavesEarlyReleasesTheOther() throws Exception {
        DuetPair pair = new DuetPair(Duration.ofSeconds(30));
        CompletableFuture<Double> first = CompletableFuture.supplyAsync(() -> side(pair.first(), 5e9));
        pair.second().leave(); // its cell failed before its generator started
        double got = first.get(5, TimeUnit.SECONDS);
        assertTrue(Double.isNaN(got), "no CPU from a side that measured nothing");
    }

    private static double side(DuetPair.Side s, double cpuNs) {
        try {
            s.awaitStart();
            s.windowStarted();
            s.windowEnded();
            return s.exchangeCpu(cpuNs);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
