package mpmbench.loadgen.flags;

import java.time.Duration;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses wrk-style durations: {@code 10s}, {@code 500ms}, {@code 100us} (or {@code µs}), {@code 2m},
 * {@code 1h}; a bare number is seconds.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.endsWith("us") || v.endsWith("µs")) {
                return Duration.ofNanos(Math.round(nonNegative(v.substring(0, v.length() - 2)) * 1e3));
            }
            if (v.endsWith("ms")) {
                return Duration.ofNanos(Math.round(Double.parseDouble(v.substring(0, v.length() - 2)) * 1e6));
            }
            long unitNs = switch (v.isEmpty() ? ' ' : v.charAt(v.length() - 1)) {
                case 's' -> 1_000_000_000L;
                case 'm' -> 60_000_000_000L;
                case 'h' -> 3_600_000_000_000L;
                default -> 0;
            };
            String number = unitNs == 0 ? v : v.substring(0, v.length() - 1);
            double d = Double.parseDouble(number);
            if (d < 0 || !Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return Duration.ofNanos(Math.round(d * (unitNs == 0 ? 1_000_000_000L : unitNs)));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (expected e.g. 10s, 500ms, 100us, 2m, 1h)");
        }
    }

    private static double nonNegative(String number) {
        double d = Double.parseDouble(number);
        if (d < 0 || !Double.isFinite(d)) {
            throw new NumberFormatException();
        }
        return d;
    }
}
