package mpmbench.loadgen.engine;

import static mpmbench.loadgen.engine.TestServer.HELLO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;
import mpmbench.loadgen.http.Target;
import mpmbench.loadgen.record.Counter;

/**
 * Errors belong to the phase of the request they hit, as answers do (issue 19's exact 100 timeouts:
 * a fresh httpd-prefork leaves most of 64 connections unaccepted for its first seconds; those
 * timeouts fell in the warm-up, yet were reported as the measured window's errors, and the window
 * itself had none). A server that answers nothing for its first second, then everything.
 */
class WarmupErrorsTest {

    @Test
    void timeoutsOfTheWarmupAreCountedApartFromTheWindowsErrors() throws IOException {
        long answersFrom = System.nanoTime() + 1_000_000_000L;
        try (TestServer server = TestServer.start(c -> {
            while (c.awaitRequest()) {
                if (System.nanoTime() >= answersFrom) {
                    c.respond(HELLO);
                } // else: silent, as a connection still in a listen backlog is
            }
        })) {
            LoadSpec spec = LoadSpec.closed(Target.parse(server.url("/hello")), 1, 4, Duration.ofMillis(800))
                    .toBuilder().warmup(Duration.ofMillis(1_800)).timeout(Duration.ofMillis(200)).build();
            LoadResult r = LoadRun.run(spec);

            assertTrue(r.counts().get(Counter.WARMUP_ERRORS) >= 4, r.counts().toString());
            assertEquals(0, r.counts().errors(), "the window's errors: " + r.counts());
            assertTrue(r.counts().get(Counter.REQUESTS) > 0, r.counts().toString());
        }
    }
}
