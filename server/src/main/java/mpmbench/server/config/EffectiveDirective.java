package mpmbench.server.config;

/**
 * One line of the effective configuration, for the start-up log and the recorded environment.
 *
 * @param directive the directive
 * @param value     the value as written in a file (durations in seconds or with {@code ms}); for a
 *                  directive that does not apply, the value that was given and ignored
 * @param source    where the value came from
 * @param origin    {@code default}, {@code --set} or {@code file:line}
 * @param applies   false when the chosen model ignores this directive
 * @param note      why the value was adjusted or ignored, or null
 */
public record EffectiveDirective(Directive directive, String value, Source source, String origin,
                                 boolean applies, String note) {

    /** E.g. {@code MaxSpareServers 6 (--set; raised from 3: ...)} or {@code Timeout 60 (default)}. */
    public String describe() {
        String from = source == Source.FILE ? "file " + origin : origin;
        return directive.httpdName() + " " + value + " (" + from + (note == null ? "" : "; " + note) + ")";
    }
}
