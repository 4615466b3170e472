package mpmbench.loadgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;

import mpmbench.loadgen.IoBackend;
import mpmbench.loadgen.LoadResult;
import mpmbench.loadgen.LoadSpec;

/**
 * What the engine's tests share to run one body on every I/O backend ({@code @ParameterizedClass} over
 * {@link IoBackend#NIO} and {@link IoBackend#EPOLL}): the spec with the backend set, a run that checks
 * the result names the backend, and the skip of a backend this machine cannot use (with the reason;
 * {@link IoBackendsTest} fails when epoll is missing on Linux, so the skip cannot hide it there).
 */
final class Backends {

    private Backends() {
    }

    /** Skips the test (with the reason) when {@code io} cannot be used here. */
    static void assumeUsable(IoBackend io) {
        String why = LinuxNet.unavailable();
        assumeTrue(io != IoBackend.EPOLL || why == null, () -> "epoll is not available here: " + why);
    }

    /** {@code spec} on {@code io}. */
    static LoadSpec on(IoBackend io, LoadSpec spec) {
        return spec.toBuilder().io(io).build();
    }

    /** Runs {@code spec} on {@code io} and checks that the result says so. */
    static LoadResult run(IoBackend io, LoadSpec spec) throws IOException {
        LoadResult r = LoadRun.run(on(io, spec));
        assertEquals(io.text(), r.ioBackend(), "the backend the result records");
        return r;
    }
}
