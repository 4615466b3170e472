package mpmbench.loadgen.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mpmbench.loadgen.TlsOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --tls-groups}: {@code jdk} (JSSE's own list: an empty list) or comma-separated names of
 * {@link TlsOptions#KNOWN_GROUPS}, most preferred first, case-insensitive, each once.
 */
public final class TlsGroupsConverter implements ITypeConverter<List<String>> {

    @Override
    public List<String> convert(String value) {
        if (value.trim().equalsIgnoreCase(TlsOptions.JDK_GROUPS)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String g : value.split(",", -1)) {
            String name = g.trim().toLowerCase(Locale.ROOT);
            if (!TlsOptions.KNOWN_GROUPS.contains(name)) {
                throw new TypeConversionException("'" + value + "' is not " + TlsOptions.JDK_GROUPS + " or a list of "
                        + String.join(", ", TlsOptions.KNOWN_GROUPS));
            }
            if (out.contains(name)) {
                throw new TypeConversionException("'" + value + "' names " + name + " twice");
            }
            out.add(name);
        }
        return List.copyOf(out);
    }
}
