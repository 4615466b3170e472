package mpmbench.loadgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import mpmbench.loadgen.IoBackend;

/**
 * The choice of the I/O backend: {@code --io} spelled, {@code auto} resolved once, and epoll usable on
 * Linux when the JVM runs as the jar and the tests run it (native access, {@code sun.nio.ch} opened),
 * so that the epoll halves of the engine's parameterised tests are not skipped there unnoticed.
 */
class IoBackendsTest {

    @Test
    void onLinuxEpollIsUsableAndAutoPicksIt() {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "not Linux");
        assertNull(LinuxNet.unavailable(), "why epoll is not available");
        assertEquals(IoBackend.EPOLL, IoBackends.resolve(IoBackend.AUTO));
        assertEquals(IoBackend.EPOLL, IoBackends.resolve(IoBackend.EPOLL));
    }

    @Test
    void nioIsAlwaysNio() {
        assertEquals(IoBackend.NIO, IoBackends.resolve(IoBackend.NIO));
    }

    @Test
    void theFlagsSpellingsAndItsOneLineRefusal() {
        for (IoBackend b : IoBackend.values()) {
            assertEquals(b, IoBackend.of(b.text().toUpperCase(java.util.Locale.ROOT)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IoBackend.of("uring"));
        assertEquals("--io must be auto, nio or epoll, got 'uring'", e.getMessage());
    }
}
