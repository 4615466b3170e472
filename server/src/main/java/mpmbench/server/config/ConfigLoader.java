package mpmbench.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link ServerConfig} the way httpd does, in this order: the model's compiled-in defaults
 * ({@link ModelDefaults}), then an httpd-style config file (see {@link ConfigFileParser} for the
 * syntax), then {@code --set Directive=value} overrides in the order given, then validation
 * ({@link ConfigValidator}). Later sources win; within the file the last occurrence wins.
 *
 * <pre>{@code
 * LoadedConfig loaded = ConfigLoader.forModel(Mpm.EVENT)
 *         .file(Path.of("conf/event.conf"))
 *         .set("ThreadsPerChild=32")
 *         .load();                       // ConfigException: print getMessage(), exit 2
 * loaded.warnings().forEach(log::warn);
 * loaded.describe().forEach(log::info);
 * List<String> childArgs = ConfigLoader.toSetArguments(loaded.config()); // each after a --set
 * }</pre>
 *
 * <p>Not thread-safe; a loader is meant to be used once, by one thread.
 */
public final class ConfigLoader {

    private final Mpm mpm;
    private String fileName;
    private String fileText;
    private Path filePath;
    private final List<String> sets = new ArrayList<>();

    private ConfigLoader(Mpm mpm) {
        this.mpm = Objects.requireNonNull(mpm, "mpm");
    }

    /** Starts from {@code mpm}'s defaults. */
    public static ConfigLoader forModel(Mpm mpm) {
        return new ConfigLoader(mpm);
    }

    /** The config file to apply; read (UTF-8) by {@link #load()}. At most one file. */
    public ConfigLoader file(Path file) {
        this.filePath = Objects.requireNonNull(file, "file");
        this.fileName = file.toString();
        this.fileText = null;
        return this;
    }

    /** A config file's contents given directly; {@code name} is used in {@code name:line} messages. */
    public ConfigLoader fileText(String name, String text) {
        this.fileName = Objects.requireNonNull(name, "name");
        this.fileText = Objects.requireNonNull(text, "text");
        this.filePath = null;
        return this;
    }

    /**
     * One {@code --set} override, {@code Directive=value}; the directive name is case-insensitive and
     * the value is written as in a file, without quotes (a JVM option list is whitespace-separated;
     * surrounding quotes are removed if present).
     */
    public ConfigLoader set(String directiveEqualsValue) {
        sets.add(Objects.requireNonNull(directiveEqualsValue, "directiveEqualsValue"));
        return this;
    }

    /** Several {@code --set} overrides, applied in order. */
    public ConfigLoader set(List<String> directiveEqualsValues) {
        directiveEqualsValues.forEach(this::set);
        return this;
    }

    /**
     * Applies file and overrides to the defaults and validates.
     *
     * @throws ConfigException with a one-line message on any error
     */
    public LoadedConfig load() {
        DirectiveValues values = new DirectiveValues(mpm);
        if (fileName != null) {
            for (ConfigLine line : ConfigFileParser.parse(fileName, readFile(), mpm)) {
                applyFileLine(values, line);
            }
        }
        for (String s : sets) {
            applySet(values, s);
        }
        List<String> warnings = ConfigValidator.validate(values);
        return new LoadedConfig(ConfigAssembler.build(values), warnings, ConfigAssembler.listing(values));
    }

    /**
     * The whole configuration as {@code Directive=value} strings, one per directive that applies to
     * {@code config.mpm()}, which {@link #set(List)} on a loader for the same model reads back into an
     * equal {@link ServerConfig}. The model itself is not included: pass it separately ({@code --mpm}).
     * Fields of directives the model ignores are not passed; the loader fills them with the model's
     * defaults, so a config that came from a loader round-trips exactly. The master hands the
     * configuration to every child this way: each string is one argument after a {@code --set}, and
     * needs no quoting (ChildJvmOptions is one string holding the space-separated list).
     */
    public static List<String> toSetArguments(ServerConfig config) {
        List<String> out = new ArrayList<>();
        for (Directive d : Directive.values()) {
            if (d.appliesTo(config.mpm())) {
                out.add(d.httpdName() + "=" + d.formatValueIn(config));
            }
        }
        return List.copyOf(out);
    }

    private String readFile() {
        if (fileText != null) {
            return fileText;
        }
        try {
            return Files.readString(filePath, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + filePath + ": " + e);
        }
    }

    private static void applyFileLine(DirectiveValues values, ConfigLine line) {
        Directive d = Directive.lookup(line.name()).orElseThrow(); // the parser checked the name
        String raw;
        if (d.type() == ValueType.JVM_OPTIONS) {
            raw = String.join(" ", line.args()); // quoted or not, the words make one list
        } else if (line.args().size() == 1) {
            raw = line.args().getFirst();
        } else {
            throw new ConfigException(line.origin() + ": " + d.httpdName() + " takes one argument, got "
                    + line.args().size());
        }
        values.set(d, parse(d, raw, line.origin()), Source.FILE, line.origin());
    }

    private static void applySet(DirectiveValues values, String s) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + s + ": expected Directive=value, e.g. ThreadsPerChild=25");
        }
        String name = s.substring(0, eq).strip();
        String origin = "--set";
        Directive d = Directive.lookup(name)
                .orElseThrow(() -> new ConfigException("--set " + s + ": unknown directive '" + name + "'"));
        values.set(d, parse(d, unquote(s.substring(eq + 1).strip()), origin), Source.SET, origin);
    }

    private static Object parse(Directive d, String raw, String origin) {
        try {
            return d.type().parse(d, raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(origin + ": " + d.httpdName() + " " + (raw.isEmpty() ? "''" : raw) + ": "
                    + e.getMessage());
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
