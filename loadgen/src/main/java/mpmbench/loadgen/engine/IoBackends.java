package mpmbench.loadgen.engine;

import mpmbench.loadgen.IoBackend;

/**
 * Picks and opens a run's {@link Poller}. {@link IoBackend#AUTO} is {@link IoBackend#EPOLL} where
 * {@link LinuxNet} can make its calls (Linux, glibc 2.35+, native access, {@code sun.nio.ch} opened), else
 * {@link IoBackend#NIO}; an explicit {@code --io epoll} where it cannot is refused before the run.
 * Stateless.
 */
public final class IoBackends {

    private IoBackends() {
    }

    /**
     * The backend a run asking for {@code asked} uses: never {@link IoBackend#AUTO}.
     *
     * @throws IllegalArgumentException one line naming {@code --io} when {@code asked} cannot be used here
     */
    public static IoBackend resolve(IoBackend asked) {
        String why = LinuxNet.unavailable();
        return switch (asked) {
            case NIO -> IoBackend.NIO;
            case AUTO -> why == null ? IoBackend.EPOLL : IoBackend.NIO;
            case EPOLL -> {
                if (why != null) {
                    throw new IllegalArgumentException("--io epoll is not available here (" + why
                            + "): use --io nio or auto");
                }
                yield IoBackend.EPOLL;
            }
        };
    }

    /** Opens the poller of a resolved backend on the calling (loop) thread. */
    static Poller open(IoBackend backend, long spinNs, Poller.Ready ready) {
        return backend == IoBackend.EPOLL ? new EpollPoller(spinNs, ready) : new NioPoller(spinNs, ready);
    }
}
