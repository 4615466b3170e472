package mpmbench.loadgen.flags;

import mpmbench.loadgen.IoBackend;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --io}: {@code auto}, {@code nio} or {@code epoll}. */
public final class IoBackendConverter implements ITypeConverter<IoBackend> {

    @Override
    public IoBackend convert(String value) {
        try {
            return IoBackend.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
