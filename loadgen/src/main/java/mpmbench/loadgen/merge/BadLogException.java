package mpmbench.loadgen.merge;

/**
 * An interval log or a result file that cannot be used; the message is one line naming the file (or
 * the agent) and what is wrong, fit to print as it is.
 */
public final class BadLogException extends RuntimeException {

    public BadLogException(String message) {
        super(message, null, false, false);
    }
}
