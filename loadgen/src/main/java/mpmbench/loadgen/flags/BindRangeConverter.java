package mpmbench.loadgen.flags;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --bind}: one IPv4 address, a range {@code 127.0.0.2-127.0.0.9} (inclusive) or a
 * comma-separated list of both. Connections take the addresses round-robin, so one run can hold more
 * connections than one source address's ephemeral port range allows.
 */
public final class BindRangeConverter implements ITypeConverter<List<InetAddress>> {

    private static final int MAX_ADDRESSES = 65536;

    @Override
    public List<InetAddress> convert(String value) {
        List<InetAddress> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String[] ends = part.trim().split("-", 2);
            long from = ipv4(ends[0], value);
            long to = ends.length == 2 ? ipv4(ends[1], value) : from;
            if (to < from || to - from >= MAX_ADDRESSES) {
                throw bad(value);
            }
            for (long a = from; a <= to; a++) {
                out.add(address(a));
            }
        }
        return out;
    }

    private static long ipv4(String s, String whole) {
        String[] octets = s.trim().split("\\.");
        if (octets.length != 4) {
            throw bad(whole);
        }
        long v = 0;
        for (String o : octets) {
            int n;
            try {
                n = Integer.parseInt(o);
            } catch (NumberFormatException e) {
                throw bad(whole);
            }
            if (n < 0 || n > 255) {
                throw bad(whole);
            }
            v = v << 8 | n;
        }
        return v;
    }

    private static InetAddress address(long v) {
        byte[] b = {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
        try {
            return Inet4Address.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen for 4 bytes
        }
    }

    private static TypeConversionException bad(String value) {
        return new TypeConversionException("'" + value
                + "' is not an address range (expected e.g. 127.0.0.2-127.0.0.9 or 127.0.0.2,127.0.0.3)");
    }
}
