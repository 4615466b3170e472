package mpmbench.loadgen.flags;

import java.util.ArrayList;
import java.util.List;

import mpmbench.loadgen.TlsOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --tls-protocols}: {@code TLSv1.2}, {@code TLSv1.3} or both, comma-separated (JSSE's names). */
public final class TlsProtocolsConverter implements ITypeConverter<List<String>> {

    @Override
    public List<String> convert(String value) {
        List<String> out = new ArrayList<>();
        for (String p : value.split(",", -1)) {
            String name = p.trim();
            String known = TlsOptions.KNOWN_PROTOCOLS.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value
                            + "' is not TLSv1.2, TLSv1.3 or TLSv1.2,TLSv1.3"));
            if (out.contains(known)) {
                throw new TypeConversionException("'" + value + "' names " + known + " twice");
            }
            out.add(known);
        }
        return List.copyOf(out);
    }
}
