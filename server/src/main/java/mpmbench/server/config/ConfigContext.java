package mpmbench.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a config file and the files it includes share while they are read, as in httpd's core:
 * the {@code Define} names and variables, the {@code ServerRoot} that relative {@code Include} paths
 * resolve against, the directive lines collected so far, and the warnings (each given once).
 * Single-threaded, used by {@link ConfigFileParser} only.
 */
final class ConfigContext {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Mpm mpm;
    /** Names defined by {@code Define NAME} or {@code -D NAME}: what {@code <IfDefine>} tests. */
    private final Set<String> defined = new HashSet<>();
    /** Values of {@code Define NAME VALUE}: what {@code ${NAME}} expands to. */
    private final Map<String, String> variables = new HashMap<>();
    /** httpd falls back to the process environment for {@code ${NAME}} (how Debian's envvars work). */
    private final UnaryOperator<String> environment;
    private final List<ConfigLine> lines = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> warned = new HashSet<>();
    private Path serverRoot;

    /**
     * @param serverRoot  where relative {@code Include} paths start until a {@code ServerRoot} line:
     *                    the main file's directory (httpd's would be its compiled-in root or {@code -d})
     * @param environment {@code System::getenv} in the server; a map's {@code get} in tests
     */
    ConfigContext(Mpm mpm, Path serverRoot, UnaryOperator<String> environment) {
        this.mpm = mpm;
        this.serverRoot = serverRoot;
        this.environment = environment;
    }

    Mpm mpm() {
        return mpm;
    }

    /** {@code Define NAME} (value null) or {@code Define NAME VALUE}. */
    void define(String name, String value) {
        defined.add(name);
        if (value != null) {
            variables.put(name, value);
        }
    }

    void undefine(String name) {
        defined.remove(name);
        variables.remove(name);
    }

    boolean isDefined(String name) {
        return defined.contains(name);
    }

    /**
     * Replaces every {@code ${NAME}} by its Define value, else the environment variable; an undefined
     * one stays as written, with httpd's warning (AH00111) once per name.
     */
    String substitute(String line, String origin) {
        if (!line.contains("${")) {
            return line;
        }
        Matcher m = VARIABLE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = variables.containsKey(name) ? variables.get(name) : environment.apply(name);
            if (value == null) {
                warnOnce("variable " + name, origin + ": Config variable ${" + name + "} is not defined");
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    Path serverRoot() {
        return serverRoot;
    }

    void serverRoot(Path root) {
        serverRoot = root;
    }

    void add(ConfigLine line) {
        lines.add(line);
    }

    List<ConfigLine> lines() {
        return List.copyOf(lines);
    }

    /** Adds {@code message} unless a warning with the same {@code key} was given already. */
    void warnOnce(String key, String message) {
        if (warned.add(key)) {
            warnings.add(message);
        }
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
