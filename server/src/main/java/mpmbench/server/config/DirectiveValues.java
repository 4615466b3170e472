package mpmbench.server.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The value of every directive while a configuration is being assembled, with where each came from.
 * Starts from the model's defaults; the file and {@code --set} overwrite entries; the validator may
 * adjust a value and leave a note. Single-threaded, used only inside {@link ConfigLoader}.
 */
final class DirectiveValues {

    /** One directive's current value; {@code origin} is "default", "--set" or "file:line". */
    record Entry(Object value, Source source, String origin, String note) {
    }

    private final Mpm mpm;
    private final ServerConfig defaults;
    private final Map<Directive, Entry> entries = new EnumMap<>(Directive.class);

    DirectiveValues(Mpm mpm) {
        this.mpm = mpm;
        this.defaults = ModelDefaults.of(mpm);
        for (Directive d : Directive.values()) {
            entries.put(d, new Entry(d.valueIn(defaults), Source.DEFAULT, "default", null));
        }
    }

    Mpm mpm() {
        return mpm;
    }

    void set(Directive d, Object value, Source source, String origin) {
        entries.put(d, new Entry(value, source, origin, null));
    }

    /** Replaces a value the validator corrected, keeping its source and recording why. */
    void adjust(Directive d, Object value, String note) {
        Entry e = entries.get(d);
        entries.put(d, new Entry(value, e.source(), e.origin(), note));
    }

    Entry entry(Directive d) {
        return entries.get(d);
    }

    /** The value the model runs with: the one given if the directive applies, else the default. */
    Object effective(Directive d) {
        return d.appliesTo(mpm) ? entries.get(d).value() : d.valueIn(defaults);
    }

    int intValue(Directive d) {
        return (Integer) effective(d);
    }

    long longValue(Directive d) {
        return (Long) effective(d);
    }

    double doubleValue(Directive d) {
        return (Double) effective(d);
    }

    boolean booleanValue(Directive d) {
        return (Boolean) effective(d);
    }

    String stringValue(Directive d) {
        return (String) effective(d);
    }

    @SuppressWarnings("unchecked")
    List<String> listValue(Directive d) {
        return (List<String>) effective(d);
    }

    Listen listenValue(Directive d) {
        return (Listen) effective(d);
    }

    /** "file:line: " or "--set: " to put before a message about {@code d}; empty for a default. */
    String where(Directive d) {
        Entry e = entries.get(d);
        return e.source() == Source.DEFAULT ? "" : e.origin() + ": ";
    }
}
