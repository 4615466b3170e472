package mpmbench.loadgen;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the load generator's I/O threads wait for their sockets ({@code --io}), chosen once at the start
 * of a run; the result records the one a run used ({@code io_backend}).
 */
public enum IoBackend {
    /** {@link #EPOLL} where it works (Linux, native access, the JDK opened to the generator), else {@link #NIO}. */
    AUTO,
    /** A {@code java.nio.channels.Selector}: any platform, no native call needed. */
    NIO,
    /**
     * Linux's epoll called through the FFM API ({@code epoll_pwait2} with ns timeouts) and, for
     * {@code http://}, {@code recv}/{@code send} on the socket's descriptor: no {@code SelectionKey}, no
     * selected-key set, no selector lock per request. Needs Linux 5.11+ and glibc 2.35+.
     */
    EPOLL;

    /** The flag's spelling: {@code auto}, {@code nio}, {@code epoll}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The accepted spellings, for messages: {@code auto, nio or epoll}. */
    public static String accepted() {
        String all = Arrays.stream(values()).map(IoBackend::text).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /**
     * The value spelled as {@link #text()}, case-insensitive.
     *
     * @throws IllegalArgumentException one line naming {@code --io} and what it accepts
     */
    public static IoBackend of(String text) {
        for (IoBackend b : values()) {
            if (b.text().equalsIgnoreCase(text.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("--io must be " + accepted() + ", got '" + text + "'");
    }
}
