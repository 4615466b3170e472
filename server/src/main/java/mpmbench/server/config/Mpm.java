package mpmbench.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The concurrency models, named as on the command line ({@code --mpm prefork}). */
public enum Mpm {
    PREFORK, WORKER, EVENT, VIRTUAL;

    /** The lower-case name used on the command line, in file names and in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a child runs more than one worker (the thread directives apply). */
    public boolean threaded() {
        return this == WORKER || this == EVENT;
    }

    /** Parses a command-line name; the message names the accepted values. */
    public static Mpm parse(String s) {
        for (Mpm m : values()) {
            if (m.id().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown MPM '" + s + "'; accepted: " + accepted());
    }

    public static String accepted() {
        return Arrays.stream(values()).map(Mpm::id).collect(Collectors.joining(", "));
    }
}
