package mpmbench.server.config;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one httpd config file for one model, the way httpd's core reads it:
 * <ul>
 *   <li>one directive per line: {@code Name arg...}; names are matched case-insensitively;
 *       arguments split on whitespace; {@code "..."} or {@code '...'} quote an argument, with
 *       {@code \"} / {@code \'} for a quote inside (as httpd's {@code ap_getword_conf});</li>
 *   <li>{@code #} starts a comment only at the beginning of a line (as in httpd: a trailing
 *       {@code # ...} would be more arguments); blank lines are skipped; a line ending in {@code \}
 *       continues on the next;</li>
 *   <li>{@code ${NAME}} is replaced by a {@code Define}d value or the environment variable, else
 *       left as written with httpd's warning; {@code Define NAME [VALUE]}, {@code UnDefine NAME};</li>
 *   <li>{@code <IfModule [!]name>} and {@code <IfDefine [!]NAME>}, nestable. The MPM modules
 *       {@code mpm_prefork_module}, {@code mpm_worker_module}, {@code mpm_event_module} and our
 *       {@code mpm_virtual_module} (or {@code prefork.c} etc.) are present only for their model;
 *       every other module counts as present, since the server has everything built in;</li>
 *   <li>{@code Include} / {@code IncludeOptional} (see {@link ConfigIncludes}), {@code ServerRoot};</li>
 *   <li>{@code LoadModule} of another model's MPM is refused, as httpd refuses a second MPM.</li>
 * </ul>
 * Any other directive or section httpd knows ({@link HttpdDirectives}: ErrorLog, DocumentRoot,
 * {@code <Directory>}, ...) is ignored with one warning per name; a name httpd does not know either
 * is refused. Inside blocks that do not apply nothing is read, but names are still checked, so a
 * typo in another model's block is reported rather than discovered when switching models.
 */
final class ConfigFileParser {

    private final ConfigContext ctx;
    private final String fileName;
    private final int depth;
    /** Open sections: the name as httpd spells it, whether its contents apply, where it opened. */
    private final Deque<Block> blocks = new ArrayDeque<>();

    private record Block(String name, boolean holds, String origin) {
    }

    private ConfigFileParser(ConfigContext ctx, String fileName, int depth) {
        this.ctx = ctx;
        this.fileName = fileName;
        this.depth = depth;
    }

    /**
     * Parses a whole file's text into {@code ctx}; {@code depth} is 0 for the main file.
     *
     * @param fileName the name used in messages ({@code file:line})
     * @throws ConfigException on a syntax error, an unknown name, or an Include that fails
     */
    static void parse(String fileName, String text, ConfigContext ctx, int depth) {
        new ConfigFileParser(ctx, fileName, depth).run(text);
    }

    /** The directive lines of {@code text} that apply to {@code mpm}, in file order (for tests). */
    static List<ConfigLine> parse(String fileName, String text, Mpm mpm) {
        ConfigContext ctx = new ConfigContext(mpm, Path.of(""), name -> null);
        parse(fileName, text, ctx, 0);
        return ctx.lines();
    }

    private void run(String text) {
        String[] physical = text.split("\\R", -1);
        StringBuilder logical = new StringBuilder();
        int startLine = 0;
        for (int i = 0; i < physical.length; i++) {
            if (logical.isEmpty()) {
                startLine = i + 1;
            }
            String line = physical[i];
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            line(logical.toString().strip(), startLine);
            logical.setLength(0);
        }
        if (!logical.isEmpty()) {
            line(logical.toString().strip(), startLine);
        }
        if (!blocks.isEmpty()) {
            Block open = blocks.peek();
            throw new ConfigException(open.origin() + ": <" + open.name() + "> is not closed by </" + open.name() + ">");
        }
    }

    private void line(String raw, int number) {
        if (raw.isEmpty() || raw.startsWith("#")) {
            return;
        }
        String origin = fileName + ":" + number;
        boolean active = active();
        String line = active ? ctx.substitute(raw, origin) : raw;
        if (line.startsWith("</")) {
            close(line, origin);
        } else if (line.startsWith("<")) {
            open(line, origin, active);
        } else {
            directive(ConfigWords.split(line, origin), origin, active);
        }
    }

    private void directive(List<String> words, String origin, boolean active) {
        String name = words.getFirst();
        List<String> args = words.subList(1, words.size());
        if (Directive.lookup(name).isPresent()) {
            if (active) {
                ctx.add(new ConfigLine(name, args, origin));
            }
            return;
        }
        HttpdDirectives.Known known = HttpdDirectives.directive(name).orElseThrow(() -> new ConfigException(origin
                + ": Invalid command '" + name + "', perhaps misspelled or defined by a module not included in the"
                + " server configuration (see mpmbench serve --help for the directives it reads)"));
        if (!active) {
            return;
        }
        switch (known.name()) {
            case "Define" -> {
                arguments(known, args, 1, 2, origin);
                if (args.getFirst().contains(":")) {
                    throw new ConfigException(origin + ": Define " + args.getFirst() + ": Variable name must not contain ':'");
                }
                ctx.define(args.getFirst(), args.size() == 2 ? args.get(1) : null);
            }
            case "UnDefine" -> {
                arguments(known, args, 1, 1, origin);
                ctx.undefine(args.getFirst());
            }
            case "ServerRoot" -> {
                arguments(known, args, 1, 1, origin);
                ctx.serverRoot(ctx.serverRoot().resolve(args.getFirst()));
            }
            case "Include", "IncludeOptional" -> {
                arguments(known, args, 1, 1, origin);
                boolean optional = known.name().equals("IncludeOptional");
                for (ConfigIncludes.File f : ConfigIncludes.resolve(ctx.serverRoot(), args.getFirst(), optional,
                        depth, origin)) {
                    parse(f.name(), f.text(), ctx, depth + 1);
                }
            }
            case "LoadModule" -> {
                arguments(known, args, 2, 2, origin);
                loadModule(args.getFirst(), origin);
            }
            default -> ignore(known, origin);
        }
    }

    private void loadModule(String module, String origin) {
        Optional<Mpm> mpmModule = mpmOf(module);
        if (mpmModule.isEmpty()) {
            ignore(HttpdDirectives.directive("LoadModule").orElseThrow(), origin);
        } else if (mpmModule.get() != ctx.mpm()) {
            throw new ConfigException(origin + ": LoadModule " + module + " loads the " + mpmModule.get().id()
                    + " MPM, but the model is " + ctx.mpm().id() + " (--mpm); httpd runs one MPM: use --mpm "
                    + mpmModule.get().id() + " or another file");
        }
    }

    private void ignore(HttpdDirectives.Known known, String origin) {
        ctx.warnOnce(known.name(), origin + ": " + known.name() + " (httpd's " + known.module()
                + ") is ignored: mpmbench serve does not use it");
    }

    private static void arguments(HttpdDirectives.Known known, List<String> args, int min, int max, String origin) {
        if (args.size() < min || args.size() > max) {
            throw new ConfigException(origin + ": " + known.name() + " takes "
                    + (min == max ? min : min + " or " + max) + " argument" + (max == 1 ? "" : "s") + ", got " + args.size());
        }
    }

    private void open(String line, String origin, boolean active) {
        if (!line.endsWith(">")) {
            throw new ConfigException(origin + ": section line '" + line + "' must end with '>'");
        }
        List<String> words = ConfigWords.split(line.substring(1, line.length() - 1).strip(), origin);
        if (words.isEmpty()) {
            throw new ConfigException(origin + ": empty section '" + line + "'");
        }
        String written = words.getFirst();
        HttpdDirectives.Known known = HttpdDirectives.section(written).orElseThrow(() -> new ConfigException(
                origin + ": Invalid command '<" + written + "', perhaps misspelled or defined by a module not"
                        + " included in the server configuration"));
        String name = known.name().substring(1);
        switch (name) {
            case "IfModule", "IfDefine" -> {
                if (words.size() != 2) {
                    throw new ConfigException(origin + ": <" + name + "> takes one name, e.g. <" + name + " "
                            + (name.equals("IfModule") ? "mpm_event_module" : "NAME") + "> or <" + name + " !"
                            + (name.equals("IfModule") ? "mpm_event_module" : "NAME") + ">");
                }
                String arg = words.get(1);
                boolean negated = arg.startsWith("!");
                String tested = negated ? arg.substring(1) : arg;
                boolean present = name.equals("IfModule") ? modulePresent(tested) : ctx.isDefined(tested);
                blocks.push(new Block(name, present != negated, origin));
            }
            default -> {
                if (active) {
                    ctx.warnOnce(known.name(), origin + ": <" + name + "> (httpd's " + known.module()
                            + ") is ignored with everything inside it: mpmbench serve reads server-wide directives only");
                }
                blocks.push(new Block(name, false, origin));
            }
        }
    }

    private void close(String line, String origin) {
        String name = line.substring(2, line.endsWith(">") ? line.length() - 1 : line.length()).strip();
        if (blocks.isEmpty()) {
            throw new ConfigException(origin + ": </" + name + "> without matching <" + name + "> section");
        }
        Block open = blocks.peek();
        if (!open.name().equalsIgnoreCase(name)) {
            throw new ConfigException(origin + ": Expected </" + open.name() + "> but saw </" + name + ">");
        }
        blocks.pop();
    }

    private boolean active() {
        return blocks.stream().allMatch(Block::holds);
    }

    /** An MPM module is present only for its model; any other module is taken as present. */
    private boolean modulePresent(String module) {
        return mpmOf(module).map(m -> m == ctx.mpm()).orElse(true);
    }

    /** The model an MPM module name stands for: {@code mpm_event_module} or {@code event.c}. */
    private static Optional<Mpm> mpmOf(String module) {
        String m = module.toLowerCase(Locale.ROOT);
        for (Mpm candidate : Mpm.values()) {
            if (m.equals("mpm_" + candidate.id() + "_module") || m.equals(candidate.id() + ".c")) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
