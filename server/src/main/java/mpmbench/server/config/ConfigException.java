package mpmbench.server.config;

import java.io.Serial;

/**
 * A configuration error, already phrased for the user: {@link #getMessage()} is ONE line naming the
 * directive, the bad value and what is accepted (and, for a config file, {@code file:line}). The CLI
 * prints that line and exits with status 2; no stack trace is wanted, so none is filled in.
 *
 * <p>Unchecked because it is thrown only while a configuration is assembled, where the one sensible
 * reaction is to stop, and callers (CLI, master, tests) catch it at a single place.
 */
public final class ConfigException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        // No cause, no suppression, no stack trace: the message is the whole report.
        super(message, null, false, false);
    }
}
