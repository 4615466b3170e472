package mpmbench.benchmarks.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The directives a target runs with, as {@code Directive=value}: Debian 12's stock values per MPM
 * (the classpath resources {@code peers/directives-MPM.txt}, the files of {@code scripts/peers/}, packed by the build) with
 * the suite's {@code --set} values on top. {@code java-X} gets them as {@code --set} flags and
 * {@code httpd-X} as config lines, so both run with the same values; env.csv records them.
 */
public final class Directives {

    /** Directives httpd knows; other {@code --set} names are passed to our server only. */
    public static final Set<String> HTTPD_NAMES = Set.of("StartServers", "MinSpareServers", "MaxSpareServers",
            "ServerLimit", "ThreadLimit", "ThreadsPerChild", "MinSpareThreads", "MaxSpareThreads",
            "MaxRequestWorkers", "MaxConnectionsPerChild", "ListenBacklog", "KeepAlive", "KeepAliveTimeout",
            "MaxKeepAliveRequests", "Timeout", "AsyncRequestWorkerFactor", "GracefulShutdownTimeout");

    private Directives() {
    }

    /** The stock values of an MPM with {@code overrides} on top, in file order then override order. */
    public static Map<String, String> forMpm(String mpm, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(parse(resource("peers/directives-" + mpm + ".txt")));
        values.putAll(overrides);
        return values;
    }

    /** Parses {@code Directive=value} lines; {@code #} starts a comment. */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            values.put(nameOf(line), line.substring(line.indexOf('=') + 1).strip());
        }
        return values;
    }

    /**
     * The {@code --set} values one target runs with: those without a target prefix, then those written
     * {@code TARGET:Directive=value} for this target (prefix dropped), which win.
     */
    public static Map<String, String> forTarget(Map<String, String> sets, String target) {
        Map<String, String> values = new LinkedHashMap<>();
        sets.forEach((k, v) -> {
            if (k.indexOf(':') < 0) {
                values.put(k, v);
            }
        });
        sets.forEach((k, v) -> {
            if (k.startsWith(target + ":")) {
                values.put(k.substring(target.length() + 1), v);
            }
        });
        return values;
    }

    /** Parses one {@code --set [TARGET:]Directive=value}. */
    public static Map.Entry<String, String> parseSet(String s) {
        return Map.entry(nameOf(s), s.substring(s.indexOf('=') + 1).strip());
    }

    /** The integer value of a directive, or {@code fallback}. */
    public static int intValue(Map<String, String> values, String name, int fallback) {
        String v = values.get(name);
        return v == null ? fallback : Integer.parseInt(v);
    }

    /** httpd config lines for the directives httpd knows. */
    public static List<String> httpdLines(Map<String, String> values) {
        return values.entrySet().stream().filter(e -> HTTPD_NAMES.contains(e.getKey()))
                .map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    public static String resource(String name) {
        try (InputStream in = Directives.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nameOf(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("not Directive=value: '" + line + "'");
        }
        return line.substring(0, eq).strip();
    }
}
