package mpmbench.loadgen.flags;

import mpmbench.loadgen.TlsOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --tls-resume}: {@code none}, {@code session-id} or {@code ticket}. */
public final class TlsResumeConverter implements ITypeConverter<TlsOptions.Resume> {

    @Override
    public TlsOptions.Resume convert(String value) {
        try {
            return TlsOptions.Resume.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
