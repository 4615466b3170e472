package mpmbench.loadgen.flags;

import mpmbench.loadgen.TlsEngine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --tls-engine}: {@code auto}, {@code openssl} or {@code jsse}. */
public final class TlsEngineConverter implements ITypeConverter<TlsEngine> {

    @Override
    public TlsEngine convert(String value) {
        try {
            return TlsEngine.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
