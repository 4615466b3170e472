package mpmbench.server.master;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an operator can ask a running master, with httpd's words and signals ({@code apachectl -k}).
 *
 * <ul>
 *   <li>{@link #STOP} (SIGTERM, also SIGINT): children get SIGTERM, then SIGKILL after 5 s; in-flight
 *       requests are cut off.</li>
 *   <li>{@link #RESTART} (SIGHUP): the same for the children, but the master stays, keeps the
 *       listening socket, raises the generation and starts StartServers new children.</li>
 *   <li>{@link #GRACEFUL} (SIGUSR1): the generation goes up, new children start, and once they are
 *       ready every old child stops accepting, finishes its requests and exits.</li>
 *   <li>{@link #GRACEFUL_STOP} (SIGWINCH): every child stops accepting and finishes its requests;
 *       after GracefulShutdownTimeout (0: no limit) the rest are stopped hard.</li>
 * </ul>
 *
 * <p>The code is the request's number in the scoreboard's control word, the path {@code mpmbench
 * ctl} takes for a request whose signal the master could not take.
 */
public enum ControlRequest {
    STOP("stop", "TERM", 1),
    RESTART("restart", "HUP", 2),
    GRACEFUL("graceful", "USR1", 3),
    GRACEFUL_STOP("graceful-stop", "WINCH", 4);

    private final String word;
    private final String signal;
    private final int code;

    ControlRequest(String word, String signal, int code) {
        this.word = word;
        this.signal = signal;
        this.code = code;
    }

    /** The word after {@code ctl -k}. */
    public String word() {
        return word;
    }

    /** The signal's name without "SIG", as {@code kill -s} takes it. */
    public String signal() {
        return signal;
    }

    /** The number in the scoreboard's control word (1..4). */
    public int code() {
        return code;
    }

    /** The bit of this request in {@code SharedScoreboard#signalsHandled()}. */
    public int bit() {
        return 1 << code;
    }

    public static Optional<ControlRequest> ofCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }

    public static Optional<ControlRequest> ofWord(String word) {
        return Arrays.stream(values()).filter(r -> r.word.equals(word)).findFirst();
    }

    /** The words, for messages: "stop, restart, graceful, graceful-stop". */
    public static String words() {
        return Arrays.stream(values()).map(ControlRequest::word).collect(Collectors.joining(", "));
    }
}
