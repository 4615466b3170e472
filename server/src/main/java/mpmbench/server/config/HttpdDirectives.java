package mpmbench.server.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The directives and sections Apache httpd 2.4 knows (resource {@code httpd-directives.txt}, from
 * {@code apache2 -L} with every Debian module loaded). A name httpd knows but mpmbench does not use
 * is ignored with a warning; a name neither knows is refused, as httpd refuses it. Immutable.
 */
final class HttpdDirectives {

    /** One known name: as httpd spells it ({@code <Directory} for a section) and its source module. */
    record Known(String name, String module) {
    }

    private static final Map<String, Known> BY_LOWER_NAME = load();

    private HttpdDirectives() {
    }

    /** The directive called {@code name} (any case), e.g. {@code ErrorLog (core.c)}. */
    static Optional<Known> directive(String name) {
        return Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The section {@code <name>} (any case, name without the {@code <}). */
    static Optional<Known> section(String name) {
        return directive("<" + name);
    }

    private static Map<String, Known> load() {
        Map<String, Known> out = new HashMap<>();
        try (InputStream in = HttpdDirectives.class.getResourceAsStream("httpd-directives.txt")) {
            if (in == null) {
                throw new IllegalStateException("httpd-directives.txt is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                String name = line.substring(0, space);
                String module = line.substring(space + 1).replaceAll("[()]", "");
                out.put(name.toLowerCase(Locale.ROOT), new Known(name, module));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
