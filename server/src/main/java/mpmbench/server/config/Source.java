package mpmbench.server.config;

/** Where the effective value of a directive came from; later sources win. */
public enum Source {
    /** The model's compiled-in default ({@link ModelDefaults}). */
    DEFAULT,
    /** The httpd-style config file. */
    FILE,
    /** A {@code --set Directive=value} flag, or {@code --listen} (the origin says which). */
    SET;

    /** Lower-case name for listings and the recorded environment. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
