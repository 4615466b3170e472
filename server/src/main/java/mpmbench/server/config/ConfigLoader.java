package mpmbench.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link ServerConfig} the way httpd does, in this order: the model's compiled-in defaults
 * ({@link ModelDefaults}), then an httpd config file (see {@link ConfigFileParser} for the
 * syntax; {@link #define} plays httpd's {@code -D}), then {@code --set Directive=value} overrides
 * and {@code --listen} in the order given, then validation ({@link ConfigValidator}), which adjusts
 * values the way httpd does. Later sources win; within the file the last occurrence wins.
 *
 * <pre>{@code
 * LoadedConfig loaded = ConfigLoader.forModel(Mpm.EVENT)
 *         .define("PEER_PORT=8080")
 *         .file(Path.of("server/conf/event.conf"))
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
    /** {@code -D} names, with a value or null, in the order given. */
    private final Map<String, String> defines = new LinkedHashMap<>();
    private UnaryOperator<String> environment = System::getenv;
    private final List<Override> overrides = new ArrayList<>();

    /** One {@code Directive=value} from the command line and the flag it came from, for messages. */
    private record Override(String text, String origin) {
    }

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
        overrides.add(new Override(Objects.requireNonNull(directiveEqualsValue, "directiveEqualsValue"), "--set"));
        return this;
    }

    /** The {@code --listen HOST:PORT} flag: Listen, listed as coming from {@code --listen}. */
    public ConfigLoader listen(String hostPort) {
        overrides.add(new Override("Listen=" + Objects.requireNonNull(hostPort, "hostPort"), "--listen"));
        return this;
    }

    /**
     * httpd's {@code -D NAME} ({@code <IfDefine NAME>} holds) or, with a value, {@code -C 'Define NAME
     * VALUE'} ({@code ${NAME}} expands to VALUE too); applied before the file is read.
     *
     * @param nameOrNameEqualsValue {@code NAME} or {@code NAME=VALUE}
     * @throws ConfigException when NAME is empty or contains ':' (httpd refuses that)
     */
    public ConfigLoader define(String nameOrNameEqualsValue) {
        int eq = nameOrNameEqualsValue.indexOf('=');
        String name = eq < 0 ? nameOrNameEqualsValue : nameOrNameEqualsValue.substring(0, eq);
        if (name.isBlank() || name.contains(":")) {
            throw new ConfigException("--define " + nameOrNameEqualsValue
                    + ": expected NAME or NAME=VALUE, NAME without ':' (e.g. PEER_PORT=8080)");
        }
        defines.put(name, eq < 0 ? null : nameOrNameEqualsValue.substring(eq + 1));
        return this;
    }

    /** Where {@code ${NAME}} looks when no Define sets NAME; {@code System::getenv} unless replaced. */
    ConfigLoader environment(UnaryOperator<String> lookup) {
        this.environment = Objects.requireNonNull(lookup, "lookup");
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
        Path root = filePath == null || filePath.getParent() == null ? Path.of("") : filePath.getParent();
        ConfigContext ctx = new ConfigContext(mpm, root, environment);
        defines.forEach(ctx::define);
        if (fileName != null) {
            ConfigFileParser.parse(fileName, readFile(), ctx, 0);
            for (ConfigLine line : ctx.lines()) {
                applyFileLine(values, line);
            }
        }
        for (Override o : overrides) {
            applySet(values, o.text(), o.origin());
        }
        List<String> warnings = new ArrayList<>(ctx.warnings());
        warnings.addAll(ConfigValidator.validate(values));
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
            throw new ConfigException("cannot read config file " + filePath + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "No such file or directory" : e.toString()));
        }
    }

    private static void applyFileLine(DirectiveValues values, ConfigLine line) {
        Directive d = Directive.lookup(line.name()).orElseThrow(); // the parser checked the name
        String raw;
        if (d.type().joinsWords()) {
            raw = String.join(" ", line.args()); // quoted or not, the words make one value
        } else if (line.args().size() == 1) {
            raw = line.args().getFirst();
        } else {
            throw new ConfigException(line.origin() + ": " + d.httpdName() + " takes one argument, got "
                    + line.args().size());
        }
        values.set(d, parse(d, raw, line.origin()), Source.FILE, line.origin());
    }

    private static void applySet(DirectiveValues values, String s, String origin) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + s + ": expected Directive=value, e.g. ThreadsPerChild=25");
        }
        String name = s.substring(0, eq).strip();
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
